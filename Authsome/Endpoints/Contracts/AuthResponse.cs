using Authsome.Sessions;
using Authsome.Store;
using Microsoft.AspNetCore.Http;

namespace Authsome.Endpoints.Contracts;

/// <summary>
/// The answer to sign-up and sign-in. When the email must be verified first, the tokens and expiry are null and
/// <see cref="EmailVerificationRequired"/> is true.
/// </summary>
public sealed record AuthResponse
{
    public required UserResponse User { get; init; }

    /// <summary>The access token: send it as <c>Authorization: Bearer ...</c>.</summary>
    public string? SessionToken { get; init; }

    /// <summary>The refresh token: exchange it at <c>/refresh</c> for new tokens.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>When the session token stops working.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the refresh token stops working.</summary>
    public DateTimeOffset? RefreshTokenExpiresAt { get; init; }

    /// <summary>True when a verification mail was sent and sign-in waits for it.</summary>
    public bool EmailVerificationRequired { get; init; }

    /// <summary>The answer to a completed sign-in (any method): the user and the new session's tokens; sets the session cookie when configured.</summary>
    internal static AuthResponse SignedIn(HttpContext context, User user, IssuedSession issued)
    {
        SessionCookies.Issue(context, issued);
        return new AuthResponse
        {
            User = UserResponse.From(user),
            SessionToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            ExpiresAt = issued.Session.ExpiresAt,
            RefreshTokenExpiresAt = issued.Session.RefreshTokenExpiresAt,
        };
    }
}
