using Authsome.Endpoints.Contracts;
using Authsome.Json;
using Microsoft.AspNetCore.Http;

namespace Authsome.Plugins.Mfa.Endpoints;

/// <summary>POST /mfa/totp/enroll: signed in with the password, or with an enrollment-only ticket from sign-in.</summary>
public sealed record MfaEnrollRequest
{
    public string? Password { get; init; }
    public string? MfaTicket { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<MfaEnrollRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<MfaEnrollRequest>(context);
}

/// <summary>POST /mfa/totp/confirm: the first code (and the enrollment-only ticket when not signed in).</summary>
public sealed record MfaConfirmRequest
{
    public string? Code { get; init; }
    public string? MfaTicket { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<MfaConfirmRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<MfaConfirmRequest>(context);
}

/// <summary>DELETE /mfa/totp and POST /mfa/recovery-codes: a current code or a recovery code.</summary>
public sealed record MfaProofRequest
{
    public string? Code { get; init; }
    public string? RecoveryCode { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<MfaProofRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<MfaProofRequest>(context);
}

/// <summary>POST /mfa/challenge: the ticket from sign-in and a code or a recovery code.</summary>
public sealed record MfaChallengeRequest
{
    public string? MfaTicket { get; init; }
    public string? Code { get; init; }
    public string? RecoveryCode { get; init; }

    /// <summary>
    /// Trust the device this sign-in comes from: later sign-ins from it skip the challenge for
    /// <c>Authsome:Mfa:TrustedDeviceDays</c>. Needs an <c>X-Device-Id</c> of at least 32 characters; otherwise ignored.
    /// </summary>
    public bool? TrustDevice { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<MfaChallengeRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<MfaChallengeRequest>(context);
}

/// <summary>A started enrollment: add the secret to an authenticator app (scan the QR code), then confirm with a code.</summary>
public sealed record MfaEnrollResponse(string Secret, string OtpauthUri, string QrSvg);

/// <summary>The recovery codes, shown only in this answer; after a ticket confirmation, the completed sign-in too.</summary>
public sealed record MfaRecoveryCodesResponse
{
    public required IReadOnlyList<string> RecoveryCodes { get; init; }

    /// <summary>The session of the sign-in an enrollment-only ticket held back; null when confirming while signed in.</summary>
    public AuthResponse? SignIn { get; init; }
}

/// <summary>GET /mfa: whether TOTP is on and how many recovery codes are left.</summary>
public sealed record MfaStatusResponse(bool TotpEnabled, int RecoveryCodesLeft);
