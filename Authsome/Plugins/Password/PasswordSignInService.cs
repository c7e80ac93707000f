using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Errors;
using Authsome.Lockout;
using Authsome.Passwords;
using Authsome.Sessions;
using Authsome.Store;
using Authsome.Telemetry;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Password;

/// <summary>
/// Password sign-in. An unknown account, an account without a password, a wrong password and (by default) a locked
/// account all answer the same <c>invalid_credentials</c> after the same hashing work. Only once the password is
/// right does the answer say more (banned, email not verified). A hash with weaker parameters or an imported
/// algorithm is replaced by a current one on success.
/// </summary>
internal sealed class PasswordSignInService(
    IAuthsomeStore store,
    AppResolver apps,
    SignInService signIns,
    PasswordService passwords,
    LockoutService lockout,
    AuthsomeMetrics metrics,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time)
{
    private const string Method = "password";

    public async ValueTask<SignInOutcome> SignInAsync(string? emailInput, string? usernameInput, string? passwordInput, ClientInfo client, CancellationToken cancellationToken)
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

        if (user?.PasswordHash is not { } hash)
        {
            await passwords.SimulateVerifyAsync(password, cancellationToken);
            throw Failure(activity, "unknown_user", AuthsomeErrors.InvalidCredentials);
        }

        activity?.SetTag("authsome.user_id", user.Id.ToString());
        var now = time.GetStoreNow();
        if (user.IsLockedOut(now))
        {
            // No password check while locked: a correct guess must not be distinguishable from a wrong one.
            await passwords.SimulateVerifyAsync(password, cancellationToken);
            if (options.CurrentValue.Lockout.RevealLockout)
            {
                var seconds = (int)Math.Ceiling((user.LockedUntil!.Value - now).TotalSeconds);
                metrics.SignInFailed("locked");
                activity.Fail(AuthsomeErrors.AccountLocked.Code);
                throw new AuthsomeException(AuthsomeErrors.AccountLocked, "Too many failed sign-ins; try again later or reset your password.")
                {
                    RetryAfterSeconds = Math.Max(1, seconds),
                };
            }

            throw Failure(activity, "locked", AuthsomeErrors.InvalidCredentials);
        }

        var result = await passwords.VerifyAsync(password, hash, cancellationToken);
        if (result == PasswordVerificationResult.Failed)
        {
            await lockout.RecordFailureAsync(user, cancellationToken);
            throw Failure(activity, "wrong_password", AuthsomeErrors.InvalidCredentials);
        }

        await lockout.ResetAsync(user, cancellationToken);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user = user with { PasswordHash = await passwords.HashAsync(password, cancellationToken), UpdatedAt = now };
            await store.Users.UpdateAsync(user, cancellationToken);
            activity?.SetTag("authsome.password_rehashed", true);
        }

        return await signIns.SignInAsync(user, Method, client, activity, cancellationToken);
    }

    private AuthsomeException Failure(System.Diagnostics.Activity? activity, string reason, AuthsomeError error) =>
        signIns.Failure(activity, reason, error);
}
