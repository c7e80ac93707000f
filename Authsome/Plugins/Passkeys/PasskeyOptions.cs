using Fido2NetLib.Objects;

namespace Authsome.Plugins.Passkeys;

/// <summary>The passkey plugin's settings, bound from <c>Authsome:Passkeys</c> and validated at start.</summary>
public sealed class PasskeyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Authsome:Passkeys";

    /// <summary>The relying party id: the site's registrable domain, e.g. <c>example.com</c> (required). Passkeys are bound to it.</summary>
    public string? RelyingPartyId { get; set; }

    /// <summary>The name authenticators show (default <c>Authsome</c>).</summary>
    public string RelyingPartyName { get; set; } = "Authsome";

    /// <summary>The exact origins the browser may answer from, e.g. <c>https://app.example.com</c> (at least one).</summary>
    public List<string> Origins { get; set; } = [];

    /// <summary>Whether the authenticator must verify the user (PIN, biometrics): <c>Required</c>, <c>Preferred</c> (default) or <c>Discouraged</c>.</summary>
    public UserVerificationRequirement UserVerification { get; set; } = UserVerificationRequirement.Preferred;

    /// <summary>Attestation asked of authenticators at registration: <c>None</c> (default, no device data collected), <c>Indirect</c>, <c>Direct</c>.</summary>
    public AttestationConveyancePreference Attestation { get; set; } = AttestationConveyancePreference.None;

    /// <summary>How long a challenge can be answered (default 5 minutes; 30 seconds to 10 minutes).</summary>
    public TimeSpan ChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
