using Authsome.Errors;
using Authsome.Store;
using Microsoft.AspNetCore.Http;

namespace Authsome.Hooks;

/// <summary>
/// A step between a user's first factor and their session: after a sign-in method has accepted the user's
/// credentials (and before any session exists), every gate is asked in registration order; the first that answers
/// holds the sign-in back, and the client gets that answer instead of tokens. The MFA plugin is one. Methods that are
/// themselves strong (a passkey) do not pass through the gates.
/// </summary>
public interface ISignInGate
{
    /// <summary>Null to let the sign-in go on; else what the client must do next.</summary>
    ValueTask<PendingSignIn?> CheckAsync(User user, string method, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="CheckAsync(User, string, CancellationToken)"/>, knowing the client the sign-in comes from (its
    /// address, User-Agent and device id); the engine calls this one. By default the client is not looked at.
    /// </summary>
    ValueTask<PendingSignIn?> CheckAsync(User user, string method, Sessions.ClientInfo client, CancellationToken cancellationToken) =>
        CheckAsync(user, method, cancellationToken);
}

/// <summary>A sign-in held back by a gate: the client continues with the ticket at the gate's routes.</summary>
public sealed record PendingSignIn
{
    /// <summary>True when the user must answer a second-factor challenge (<c>POST /mfa/challenge</c>).</summary>
    public bool MfaRequired { get; init; }

    /// <summary>True when the app requires MFA and the user has none: the ticket only allows enrolling.</summary>
    public bool MfaEnrollmentRequired { get; init; }

    /// <summary>The single-use ticket to continue with.</summary>
    public required string MfaTicket { get; init; }

    /// <summary>The second factors the user can answer with (e.g. <c>totp</c>, <c>recovery_code</c>).</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary>When the ticket stops working.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>
    /// How code callers of a first-factor sign-in (e.g. <c>IPasswordAuthentication</c>) learn of it: a failure with code
    /// <c>sign_in_pending</c>, this answer's members in its extensions. Over HTTP the sign-in route answers 200 with them.
    /// </summary>
    public static readonly AuthsomeError Error = new("sign_in_pending", StatusCodes.Status401Unauthorized, "Sign-in needs another step");

    internal AuthsomeException ToException() => new(Error, MfaRequired ? "Answer the MFA challenge to finish signing in." : "Enroll MFA to finish signing in.",
        new Dictionary<string, object?>
        {
            ["mfa_required"] = MfaRequired,
            ["mfa_enrollment_required"] = MfaEnrollmentRequired,
            ["mfa_ticket"] = MfaTicket,
            ["methods"] = Methods,
            ["expires_at"] = ExpiresAt,
        });
}
