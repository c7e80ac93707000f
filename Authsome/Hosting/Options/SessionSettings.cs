namespace Authsome;

/// <summary>Session settings (<c>Authsome:Sessions</c>). An app's <c>AppSessionConfig</c> overrides the lifetimes, rotation and limit.</summary>
public sealed class SessionSettings
{
    /// <summary>How long an access (session) token works. Default 1 hour.</summary>
    public TimeSpan AccessTokenTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a refresh token works; the session ends then. Default 30 days.</summary>
    public TimeSpan RefreshTokenTtl { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Give a new refresh token on every refresh (and detect reuse of the old one). Default true.</summary>
    public bool RotateRefreshToken { get; set; } = true;

    /// <summary>How many live sessions one user may have; creating one more ends the oldest. Default 50.</summary>
    public int MaxActiveSessions { get; set; } = 50;

    /// <summary>Also set the session token as an HttpOnly cookie on sign-in, sign-up and refresh. Default false.</summary>
    public bool IssueCookie { get; set; }

    /// <summary>The cookie's name, for issuing and for the authentication handler. Default <c>authsome_session</c>.</summary>
    public string CookieName { get; set; } = "authsome_session";
}
