using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Errors;
using Authsome.Lockout;
using Authsome.Passwords;
using Authsome.Security;
using Authsome.Sessions;
using Authsome.Store;
using Authsome.Telemetry;

namespace Authsome.Plugins.Password;

/// <summary>
/// Password sign-in. An unknown account, an account without a password and a wrong password all answer the same
/// <c>invalid_credentials</c> after the same hashing work; too many attempts answer <c>account_locked</c> with
/// Retry-After, for unknown accounts exactly as for known ones (see <see cref="LockoutService"/>). Only once the password is
/// right does the answer say more (banned, email not verified). A hash with weaker parameters or an imported
/// algorithm is replaced by a current one on success. A sign-in gate (MFA) may hold the sign-in back after the password.
/// </summary>
internal sealed class PasswordSignInService(
    IAuthsomeStore store,
    AppResolver apps,
    SignInService signIns,
    PasswordService passwords,
    LockoutService lockout,
    AuthsomeMetrics metrics,
    TimeProvider time)
{
    private const string Method = "password";

    public async ValueTask<FirstFactorOutcome> SignInAsync(string? emailInput, string? usernameInput, string? passwordInput, ClientInfo client, CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("sign_in");
        if ((emailInput is null) == (usernameInput is null))
        {
            throw AuthsomeException.Validation(new Dictionary<string, string[]> { ["email"] = ["Give either an email or a username."] });
        }

        var password = InputRules.Password(passwordInput);
        var app = await apps.GetAsync(cancellationToken);
        activity?.SetTag("authsome.app_id", app.AppId.ToString());
        var user = emailInput is not null
            ? await store.Users.GetByEmailAsync(app.AppId, app.EnvId, InputRules.Email(emailInput), cancellationToken)
            : await store.Users.GetByUsernameAsync(app.AppId, app.EnvId, InputRules.Username(usernameInput)!, cancellationToken);

        // Counted before the password is checked, and the same for unknown accounts (named by what was typed).
        var subject = user?.Id.ToString() ?? LockoutService.UnknownSubject(emailInput ?? usernameInput!);
        var clientKey = ClientKeys.Of(client.IpAddress);
        var reserved = await lockout.ReserveAsync(subject, clientKey, user, cancellationToken);
        if (reserved.IsLocked)
        {
            // No password check while locked: a correct guess must not be distinguishable from a wrong one.
            await passwords.SimulateVerifyAsync(password, cancellationToken);
            throw Locked(activity, reserved);
        }

        if (user?.PasswordHash is not { } hash)
        {
            await passwords.SimulateVerifyAsync(password, cancellationToken);
            throw Failure(activity, "unknown_user", AuthsomeErrors.InvalidCredentials);
        }

        activity?.SetTag("authsome.user_id", user.Id.ToString());
        var now = time.GetStoreNow();
        var result = await passwords.VerifyAsync(password, hash, cancellationToken);
        if (result == PasswordVerificationResult.Failed)
        {
            throw Failure(activity, "wrong_password", AuthsomeErrors.InvalidCredentials);
        }

        if (await lockout.RecheckAsync(subject, clientKey, cancellationToken) is { IsLocked: true } lockedMeanwhile)
        {
            throw Locked(activity, lockedMeanwhile);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // Only the hash is written, and only if it is still the one verified: a concurrent reset or ban stays.
            var rehashed = user with { PasswordHash = await passwords.HashAsync(password, cancellationToken), UpdatedAt = now };
            // Not inside `activity?.SetTag(...)`: without a listener that whole call, the update included, is skipped.
            var upgraded = await store.Users.UpdateAsync(user, rehashed, cancellationToken);
            activity?.SetTag("authsome.password_rehashed", upgraded);
        }

        var outcome = await signIns.SignInFirstFactorAsync(user, Method, client, activity, cancellationToken);
        if (outcome.Completed is not null)
        {
            // Only a finished sign-in clears the attempts: a right password alone must not wipe out wrong MFA codes.
            await lockout.SucceededAsync(subject, clientKey, cancellationToken);
        }

        return outcome;
    }

    private AuthsomeException Locked(System.Diagnostics.Activity? activity, LockoutDecision decision)
    {
        metrics.SignInFailed("locked");
        activity.Fail(AuthsomeErrors.AccountLocked.Code);
        var detail = decision.Scope == LockoutScope.Client
            ? "Too many sign-in attempts from this client on this account; try again after the Retry-After delay, or reset your password."
            : "Too many sign-in attempts on this account from many places; sign in from a device you used before, wait, or reset your password.";
        return new AuthsomeException(AuthsomeErrors.AccountLocked, detail) { RetryAfterSeconds = decision.RetryAfterSeconds };
    }

    private AuthsomeException Failure(System.Diagnostics.Activity? activity, string reason, AuthsomeError error) =>
        signIns.Failure(activity, reason, error);
}
