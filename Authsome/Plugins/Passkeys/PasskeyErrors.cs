using Authsome.Errors;
using Microsoft.AspNetCore.Http;

namespace Authsome.Plugins.Passkeys;

/// <summary>The passkey plugin's error codes (part of the API: never renamed).</summary>
public static class PasskeyErrors
{
    /// <summary>The answer names no challenge we issued, or it was used already, expired, or was for another ceremony.</summary>
    public static readonly AuthsomeError ChallengeInvalid = new("passkey_challenge_invalid", StatusCodes.Status400BadRequest, "Invalid or expired passkey challenge");

    /// <summary>The authenticator's answer did not verify (signature, origin, relying party, counter, user verification, unknown credential).</summary>
    public static readonly AuthsomeError VerificationFailed = new("passkey_verification_failed", StatusCodes.Status401Unauthorized, "Passkey verification failed");
}
