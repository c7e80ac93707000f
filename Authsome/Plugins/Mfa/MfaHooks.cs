using Authsome.Store;

namespace Authsome.Plugins.Mfa;

/// <summary>
/// The MFA plugin's events, for hooks registered with <c>AuthsomeBuilder.AddHooks&lt;T&gt;()</c> that also implement
/// this interface. They are after-hooks: a failure is logged and the request still succeeds.
/// </summary>
public interface IMfaHooks
{
    /// <summary><c>mfa.enabled</c>: the user confirmed a TOTP authenticator.</summary>
    ValueTask AfterMfaEnabledAsync(User user, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary><c>mfa.disabled</c>: the user turned TOTP off.</summary>
    ValueTask AfterMfaDisabledAsync(User user, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary><c>mfa.challenge_failed</c>: a wrong code was given to a sign-in challenge (<paramref name="attempts"/> so far on its ticket).</summary>
    ValueTask AfterMfaChallengeFailedAsync(User user, int attempts, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
