using Authsome.Accounts;
using Authsome.Devices;
using Authsome.Errors;
using Authsome.Hooks;
using Authsome.Messaging;
using Authsome.Plugins.Password.History;
using Authsome.Sessions;
using Authsome.Store;

namespace Authsome.Plugins.Password;

/// <summary>Change-password for a signed-in user: the current password is checked (attempts count toward lockout), every other session ends and outstanding reset links stop working.</summary>
internal sealed class PasswordChangeService(
    IAuthsomeStore store,
    SessionService sessions,
    PasswordService passwords,
    PasswordHistory history,
    ReauthenticationService reauthentication,
    HookRunner hooks,
    EmailOutbox outbox,
    DeviceService devices,
    UnitOfWork units,
    TimeProvider time)
{
    public async ValueTask<int> ChangeAsync(AuthenticatedSession current, string? currentPasswordInput, string? newPasswordInput, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("password.change");
        var user = current.User;
        activity?.SetTag("authsome.user_id", user.Id.ToString());
        var currentPassword = InputRules.Password(currentPasswordInput, "current_password");
        var newPassword = InputRules.Password(newPasswordInput, "new_password");
        var now = time.GetStoreNow();

        if (user.PasswordHash is null)
        {
            activity.Fail(AuthsomeErrors.CurrentPasswordInvalid.Code);
            throw new AuthsomeException(AuthsomeErrors.CurrentPasswordInvalid);
        }

        await reauthentication.EnsureAsync(current, currentPassword, cancellationToken);

        passwords.EnsureAcceptable(newPassword, user.Email, user.Username, "new_password");
        await history.EnsureNotReusedAsync(user, newPassword, "new_password", cancellationToken);
        var updated = user with { PasswordHash = await passwords.HashAsync(newPassword, cancellationToken), PasswordChangedAt = now, UpdatedAt = now };
        // The change, what it ends and the mail and events it causes: one unit, committed together or not at all.
        var revoked = await units.RunAsync(
            async ct =>
            {
                // Only if the hash is still the one just verified: a concurrent reset or change wins over this one.
                if (!await store.Users.UpdateAsync(user, updated, ct))
                {
                    activity.Fail(AuthsomeErrors.CurrentPasswordInvalid.Code);
                    throw new AuthsomeException(AuthsomeErrors.CurrentPasswordInvalid, "The password was changed meanwhile.");
                }

                await history.RecordReplacedAsync(user, now, ct);
                // A reset link mailed before the change must not undo it.
                await store.PasswordResets.ConsumeAllAsync(user.Id, now, ct);
                var ended = await sessions.EndAllAsync(user.Id, current.Session.Id, "password_changed", ct);
                await devices.WithdrawTrustAsync(user.Id, ct);
                await outbox.EnqueueAsync(AccountEmails.PasswordChanged(user.Email), AccountEmails.Types.PasswordChanged, user, ct);
                await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterUserUpdateAsync), h => h.AfterUserUpdateAsync(updated, ct),
                    AuthsomeEvents.OfUser(AuthsomeEvents.UserUpdated, updated), ct);
                await hooks.PublishAsync(AuthsomeEvents.PasswordChangedBy(updated, "change"), ct);
                return ended;
            },
            cancellationToken);
        activity.Succeed();
        return revoked;
    }
}
