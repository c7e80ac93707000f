using Authsome.Plugins;
using Authsome.Store;
using Authsome.Telemetry;

namespace Authsome.Sessions;

/// <summary>
/// The last step of every sign-in method, once the method has accepted the user: the sign-in gates (MFA) unless the
/// method already was a second factor, the before-sign-in hooks, the session, the metric and the after-sign-in hooks.
/// </summary>
internal sealed class SignInCompletion(SessionService sessions, HookRunner hooks, AuthsomeMetrics metrics, IEnumerable<ISignInGate> gates)
{
    private readonly ISignInGate[] _gates = [.. gates];

    /// <summary>
    /// Issues the session, or returns the gate's answer instead when one holds the sign-in back.
    /// <paramref name="multiFactor"/> is true when the method itself satisfies MFA (a passkey, an MFA challenge).
    /// </summary>
    public async ValueTask<SignInOutcome> CompleteAsync(User user, string method, ClientInfo client, bool multiFactor, CancellationToken cancellationToken)
    {
        if (!multiFactor)
        {
            foreach (var gate in _gates)
            {
                if (await gate.CheckAsync(user, method, cancellationToken) is { } pending)
                {
                    return new SignInOutcome(user, null, pending);
                }
            }
        }

        await hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeSignInAsync),
            h => h.BeforeSignInAsync(new SignInHookContext(user, method, client.IpAddress, client.UserAgent), cancellationToken));
        var session = await sessions.CreateAsync(user, client, cancellationToken);
        metrics.SignIn(method);
        await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSignInAsync), h => h.AfterSignInAsync(user, session.Session, cancellationToken));
        return new SignInOutcome(user, session, null);
    }
}

/// <summary>A sign-in's result: a session, or a gate's answer (e.g. MFA required) and no session.</summary>
internal sealed record SignInOutcome(User User, IssuedSession? Session, PendingSignIn? Pending);
