using Authsome.Hooks;
using Authsome.Store;

namespace Authsome.Plugins.Mfa;

/// <summary>The MFA plugin's event types, as webhooks and <c>IAuthsomeHooks.OnEventAsync</c> receive them (data: <c>user_id</c>, and <c>attempts</c> for a failed challenge).</summary>
public static class MfaEvents
{
    public const string Enabled = "mfa.enabled";
    public const string Disabled = "mfa.disabled";
    public const string ChallengeFailed = "mfa.challenge_failed";

    internal static AuthsomeEvent Of(string type, User user) => new(type, user.AppId, new { user_id = user.Id.ToString() });

    internal static AuthsomeEvent ChallengeFailedBy(User user, int attempts) => new(ChallengeFailed, user.AppId, new { user_id = user.Id.ToString(), attempts });
}

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
