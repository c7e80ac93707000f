using System.Diagnostics;
using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Devices;
using Authsome.Errors;
using Authsome.Hooks;
using Authsome.Messaging;
using Authsome.Store;
using Authsome.Telemetry;
using Authsome.Verification;

namespace Authsome.Sessions;

/// <summary>
/// The end of every sign-in, whatever proved who the user is (a password, a passkey, a social provider, a magic link):
/// the same rules (not banned; email verified when the app requires it), the sign-in hooks, the session and the metrics;
/// for a first factor, the sign-in gates (MFA) before the session.
/// </summary>
internal sealed class SignInService(
    AppResolver apps,
    SessionService sessions,
    DeviceService devices,
    EmailVerificationRequirement requirement,
    HookRunner hooks,
    UnitOfWork units,
    AuthsomeMetrics metrics,
    TimeProvider time,
    IEnumerable<ISignInGate> gates)
{
    private readonly ISignInGate[] _gates = [.. gates];

    /// <summary>
    /// Issues a session to <paramref name="user"/>, whose credentials were accepted by <paramref name="method"/>. Throws
    /// <see cref="AuthsomeException"/>: account_banned, email_not_verified, request_refused (a before-hook).
    /// </summary>
    public async ValueTask<SignInOutcome> SignInAsync(User user, string method, ClientInfo client, Activity? activity, CancellationToken cancellationToken)
    {
        await EnsureMaySignInAsync(user, method, activity, cancellationToken);
        return await IssueAsync(user, method, client, activity, cancellationToken);
    }

    /// <summary>
    /// As <see cref="SignInAsync"/> for a first factor (a password; later a magic link or a social provider): once the
    /// account may sign in, the sign-in gates (MFA) are asked, and the first that answers holds the sign-in back.
    /// </summary>
    public async ValueTask<FirstFactorOutcome> SignInFirstFactorAsync(User user, string method, ClientInfo client, Activity? activity, CancellationToken cancellationToken)
    {
        await EnsureMaySignInAsync(user, method, activity, cancellationToken);
        foreach (var gate in _gates)
        {
            if (await gate.CheckAsync(user, method, client, cancellationToken) is { } pending)
            {
                activity?.SetTag("authsome.sign_in_pending", true);
                activity.Succeed();
                return new FirstFactorOutcome(null, pending);
            }
        }

        return new FirstFactorOutcome(await IssueAsync(user, method, client, activity, cancellationToken), null);
    }

    /// <summary>Counts and tags a failed sign-in; returns the exception to throw.</summary>
    public AuthsomeException Failure(Activity? activity, string reason, AuthsomeError error)
    {
        metrics.SignInFailed(reason);
        activity.Fail(error.Code);
        return new AuthsomeException(error);
    }

    private async ValueTask EnsureMaySignInAsync(User user, string method, Activity? activity, CancellationToken cancellationToken)
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
    }

    private async ValueTask<SignInOutcome> IssueAsync(User user, string method, ClientInfo client, Activity? activity, CancellationToken cancellationToken)
    {
        await hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeSignInAsync),
            h => h.BeforeSignInAsync(new SignInHookContext(user, method, client.IpAddress, client.UserAgent), cancellationToken));
        // Before the unit: two first sign-ins from one new device race to create it. The store's sighting is atomic,
        // but on MongoDB the loser's retry cannot run inside a transaction the race has aborted.
        var device = await devices.RecordAsync(user, client, cancellationToken);
        // The session and its user.signed_in delivery commit together (or neither: the sign-in fails and no session exists).
        var session = await units.RunAsync(
            async ct =>
            {
                var issued = await sessions.CreateAsync(user, client, device, ct);
                await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSignInAsync), h => h.AfterSignInAsync(user, issued.Session, ct),
                    AuthsomeEvents.SignedIn(user, issued.Session), ct);
                return issued;
            },
            cancellationToken);
        metrics.SignIn(method);
        activity.Succeed();
        return new SignInOutcome(user, session);
    }
}

/// <summary>A first-factor sign-in's result: completed, or held back by a sign-in gate (and no session exists).</summary>
internal sealed record FirstFactorOutcome(SignInOutcome? Completed, PendingSignIn? Pending)
{
    /// <summary>The completed sign-in; a held-back one is thrown as <c>sign_in_pending</c> with the gate's answer.</summary>
    public SignInOutcome CompletedOrThrow() => Completed ?? throw Pending!.ToException();
}
