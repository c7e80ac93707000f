using Authsome.Accounts;
using Authsome.Errors;
using Authsome.Hooks;
using Authsome.Lockout;
using Authsome.Messaging;
using Authsome.Passwords;
using Authsome.Plugins.Password.History;
using Authsome.Sessions;
using Authsome.Store;

namespace Authsome.Plugins.Password;

/// <summary>Change-password for a signed-in user: the current password is checked (failures count toward lockout), and every other session ends.</summary>
internal sealed class PasswordChangeService(
    IAuthsomeStore store,
    SessionService sessions,
    PasswordService passwords,
    PasswordHistory history,
    LockoutService lockout,
    HookRunner hooks,
    EmailOutbox outbox,
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

        // A stolen session must not become a way around the sign-in lockout.
        if (user.PasswordHash is not { } hash || user.IsLockedOut(now)
            || await passwords.VerifyAsync(currentPassword, hash, cancellationToken) == PasswordVerificationResult.Failed)
        {
            if (user.PasswordHash is not null && !user.IsLockedOut(now))
            {
                await lockout.RecordFailureAsync(user, cancellationToken);
            }

            activity.Fail(AuthsomeErrors.CurrentPasswordInvalid.Code);
            throw new AuthsomeException(AuthsomeErrors.CurrentPasswordInvalid);
        }

        passwords.EnsureAcceptable(newPassword, user.Email, user.Username, "new_password");
        await history.EnsureNotReusedAsync(user, newPassword, "new_password", cancellationToken);
        var updated = user with { PasswordHash = await passwords.HashAsync(newPassword, cancellationToken), PasswordChangedAt = now, UpdatedAt = now };
        await store.Users.UpdateAsync(updated, cancellationToken);
        await history.RecordReplacedAsync(user, now, cancellationToken);
        await lockout.ResetAsync(user, cancellationToken);
        var revoked = await sessions.EndAllAsync(user.Id, current.Session.Id, "password_changed", cancellationToken);
        outbox.Enqueue(AccountEmails.PasswordChanged(user.Email));
        activity.Succeed();
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterUserUpdateAsync), h => h.AfterUserUpdateAsync(updated, cancellationToken));
        return revoked;
    }
}
