using Authsome.Errors;
using Microsoft.AspNetCore.Http;

namespace Authsome.Plugins.Mfa;

/// <summary>The MFA plugin's error codes (part of the API: never renamed).</summary>
public static class MfaErrors
{
    /// <summary>The MFA ticket is unknown, used, expired, out of tries, or not for this step.</summary>
    public static readonly AuthsomeError TicketInvalid = new("mfa_ticket_invalid", StatusCodes.Status401Unauthorized, "Invalid or expired MFA ticket");

    /// <summary>The code or recovery code is wrong, was already used, or is outside the accepted time window.</summary>
    public static readonly AuthsomeError CodeInvalid = new("mfa_code_invalid", StatusCodes.Status400BadRequest, "Invalid MFA code");

    /// <summary>TOTP is already on for this account (disable it first).</summary>
    public static readonly AuthsomeError AlreadyEnabled = new("mfa_already_enabled", StatusCodes.Status409Conflict, "MFA already enabled");

    /// <summary>TOTP is not on (or not enrolled yet) for this account.</summary>
    public static readonly AuthsomeError NotEnabled = new("mfa_not_enabled", StatusCodes.Status409Conflict, "MFA not enabled");
}
