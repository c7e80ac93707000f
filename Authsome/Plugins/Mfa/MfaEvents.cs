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
