namespace Authsome;

/// <summary>Session settings (<c>Authsome:Sessions</c>). An app's <c>AppSessionConfig</c> overrides the lifetimes, absolute lifetime, idle timeout, rotation and limit.</summary>
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

    /// <summary>
    /// The cookie's name, for issuing and for the authentication handler. Default <c>__Host-authsome_session</c>: the
    /// prefix makes browsers accept it only from a secure origin, for path <c>/</c> and no domain, so a sibling
    /// subdomain cannot set or shadow it.
    /// </summary>
    public string CookieName { get; set; } = "__Host-authsome_session";

    /// <summary>How long a session lives at most from sign-in, however often it is refreshed. Default 30 days.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a session survives without any request (access or refresh). Default 7 days.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A session's last activity is written at most this often, or a hundredth of the idle timeout if that is shorter,
    /// so authenticating a request costs no write; the idle timeout is therefore kept to within this (within 1 %).
    /// Default 1 hour: with the 7-day idle timeout, one write per active session per hour instead of one per request.
    /// </summary>
    public TimeSpan ActivityWriteInterval { get; set; } = TimeSpan.FromHours(1);
}
