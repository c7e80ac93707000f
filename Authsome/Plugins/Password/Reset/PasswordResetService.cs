using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Devices;
using Authsome.Errors;
using Authsome.Hooks;
using Authsome.Lockout;
using Authsome.Messaging;
using Authsome.Plugins.Password.History;
using Authsome.Security;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Password.Reset;

/// <summary>
/// Forgot and reset password. Forgot always answers the same, and mail leaves through the outbox, so it reveals
/// nothing. A reset token is single-use, short-lived and stored only as a hash; using it sets the new password,
/// marks the email verified (the link proves the mailbox), ends any lockout and signs out every session.
/// </summary>
internal sealed class PasswordResetService(
    IAuthsomeStore store,
    AppResolver apps,
    SessionService sessions,
    PasswordService passwords,
    PasswordHistory history,
    HookRunner hooks,
    LockoutService lockout,
    EmailOutbox outbox,
    OffRequestWork offRequest,
    DeviceService devices,
    UnitOfWork units,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time)
{
    public async ValueTask RequestAsync(string? emailInput, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("password.forgot");
        var email = InputRules.Email(emailInput);
        var app = await apps.GetAsync(cancellationToken);
        var user = await store.Users.GetByEmailAsync(app.AppId, app.EnvId, email, cancellationToken);
        // Tagged the same either way: traces must not answer what the route does not.
        activity.Succeed();
        // Counted for every address, known or not, so both paths write the same; past the limit nothing is sent.
        var now = time.GetStoreNow();
        var limit = options.CurrentValue.RateLimits.PerAccount.PasswordReset;
        var requests = await store.Counters.IncrementAsync($"forgot:{app.AppId}:{email}", now, limit.Window, cancellationToken);
        if (user is null || requests.Count > limit.PermitLimit)
        {
            return;
        }

        // Storing the token happens off the request path, so an existing account costs the request no more.
        // The reset and its mail are one unit: a link is never stored without its mail, nor mailed without being stored.
        offRequest.Enqueue(stopping => new ValueTask(units.RunAsync(
            async ct =>
            {
                var settings = options.CurrentValue.PasswordReset;
                var issuedAt = time.GetStoreNow();
                await store.PasswordResets.ConsumeAllAsync(user.Id, issuedAt, ct);
                var token = SecretTokens.NewToken();
                await store.PasswordResets.CreateAsync(new Store.PasswordReset
                {
                    Id = Id<Store.PasswordReset>.New(issuedAt),
                    AppId = app.AppId,
                    UserId = user.Id,
                    TokenHash = SecretHash.Of(token),
                    ExpiresAt = issuedAt + settings.TokenTtl,
                    CreatedAt = issuedAt,
                }, ct);
                await outbox.EnqueueAsync(AccountEmails.PasswordReset(user.Email, token, settings.LinkTemplate, settings.TokenTtl), AccountEmails.Types.PasswordReset, user, ct);
            },
            stopping)));
    }

    public async ValueTask ResetAsync(string? tokenInput, string? newPasswordInput, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("password.reset");
        var token = InputRules.Required(tokenInput, "token");
        var newPassword = InputRules.Password(newPasswordInput, "new_password");
        var now = time.GetStoreNow();
        var app = await apps.GetAsync(cancellationToken);
        var reset = SecretTokens.LooksLikeToken(token) ? await store.PasswordResets.GetByTokenHashAsync(SecretHash.Of(token), cancellationToken) : null;
        var user = reset is { ConsumedAt: null } && reset.ExpiresAt > now && reset.AppId == app.AppId
            ? await store.Users.GetAsync(reset.UserId, cancellationToken)
            : null;
        if (reset is null || user is null)
        {
            throw Invalid(activity);
        }

        activity?.SetTag("authsome.user_id", user.Id.ToString());
        // Policy and hashing before consuming: a refused password or a busy hasher leaves the link usable.
        passwords.EnsureAcceptable(newPassword, user.Email, user.Username, "new_password");
        await history.EnsureNotReusedAsync(user, newPassword, "new_password", cancellationToken);
        var hash = await passwords.HashAsync(newPassword, cancellationToken);
        // Consuming the link, the new password, what it ends, its mail and events: one unit, all or nothing.
        await units.RunAsync(
            async ct =>
            {
                if (!await store.PasswordResets.ConsumeAsync(reset.Id, now, ct))
                {
                    throw Invalid(activity);
                }

                var updated = await store.Users.ApplyAsync(user, u => u with { PasswordHash = hash, PasswordChangedAt = now, EmailVerified = true, UpdatedAt = now }, ct)
                    ?? throw Invalid(activity);
                await history.RecordReplacedAsync(user, now, ct);
                await lockout.ClearAsync(user.Id, ct);
                await store.PasswordResets.ConsumeAllAsync(user.Id, now, ct);
                await sessions.EndAllAsync(user.Id, null, "password_reset", ct);
                await devices.WithdrawTrustAsync(user.Id, ct);
                await outbox.EnqueueAsync(AccountEmails.PasswordChanged(user.Email), AccountEmails.Types.PasswordChanged, user, ct);
                await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterUserUpdateAsync), h => h.AfterUserUpdateAsync(updated, ct),
                    AuthsomeEvents.OfUser(AuthsomeEvents.UserUpdated, updated), ct);
                await hooks.PublishAsync(AuthsomeEvents.PasswordChangedBy(updated, "reset"), ct);
            },
            cancellationToken);
        activity.Succeed();
    }

    private static AuthsomeException Invalid(System.Diagnostics.Activity? activity)
    {
        activity.Fail(AuthsomeErrors.VerificationInvalid.Code);
        return new AuthsomeException(AuthsomeErrors.VerificationInvalid, "The reset link is invalid, used or expired.");
    }
}
