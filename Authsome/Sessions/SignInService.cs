using System.Diagnostics;
using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Errors;
using Authsome.Hooks;
using Authsome.Store;
using Authsome.Telemetry;
using Authsome.Verification;

namespace Authsome.Sessions;

/// <summary>
/// The end of every sign-in, whatever proved who the user is (a password, a passkey, a social provider, a magic link):
/// the same rules (not banned; email verified when the app requires it), the sign-in hooks, the session and the metrics.
/// </summary>
internal sealed class SignInService(
    AppResolver apps,
    SessionService sessions,
    EmailVerificationRequirement requirement,
    HookRunner hooks,
    AuthsomeMetrics metrics,
    TimeProvider time)
{
    /// <summary>
    /// Issues a session to <paramref name="user"/>, whose credentials were accepted by <paramref name="method"/>. Throws
    /// <see cref="AuthsomeException"/>: account_banned, email_not_verified, request_refused (a before-hook).
    /// </summary>
    public async ValueTask<SignInOutcome> SignInAsync(User user, string method, ClientInfo client, Activity? activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        var app = await apps.GetAsync(cancellationToken);
        if (user.AppId != app.AppId || user.EnvId != app.EnvId)
        {
            throw new ArgumentException($"User {user.Id} does not belong to the app this engine serves.", nameof(user));
        }

        if (user.IsBanned(time.GetStoreNow()))
        {
            throw Failure(activity, "banned", AuthsomeErrors.AccountBanned);
        }

        if (!user.EmailVerified && await requirement.IsRequiredAsync(app.AppId, cancellationToken))
        {
            throw Failure(activity, "email_not_verified", AuthsomeErrors.EmailNotVerified);
        }

        await hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeSignInAsync),
            h => h.BeforeSignInAsync(new SignInHookContext(user, method, client.IpAddress, client.UserAgent), cancellationToken));
        var session = await sessions.CreateAsync(user, client, cancellationToken);
        metrics.SignIn(method);
        activity.Succeed();
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSignInAsync), h => h.AfterSignInAsync(user, session.Session, cancellationToken));
        return new SignInOutcome(user, session);
    }

    /// <summary>Counts and tags a failed sign-in; returns the exception to throw.</summary>
    public AuthsomeException Failure(Activity? activity, string reason, AuthsomeError error)
    {
        metrics.SignInFailed(reason);
        activity.Fail(error.Code);
        return new AuthsomeException(error);
    }
}
