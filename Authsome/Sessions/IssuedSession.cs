using Authsome.Store;

namespace Authsome.Sessions;

/// <summary>A session just created or refreshed, with its tokens in plain text: they exist only in this answer (the store keeps their hashes).</summary>
/// <param name="Session">The stored session (expiry times, device metadata).</param>
/// <param name="AccessToken">The access token: sent as <c>Authorization: Bearer ...</c> or in the session cookie.</param>
/// <param name="RefreshToken">The refresh token: exchanged for new tokens by <see cref="IAuthsomeEngine.RefreshAsync"/>.</param>
public sealed record IssuedSession(Session Session, string AccessToken, string RefreshToken);

/// <summary>A session whose access token was accepted, with its user.</summary>
/// <param name="Session">The live session.</param>
/// <param name="User">Its user (not banned, not deleted).</param>
public sealed record AuthenticatedSession(Session Session, User User);

/// <summary>Where a request came from, recorded on the sessions it starts or refreshes.</summary>
/// <param name="IpAddress">The client's address, if known.</param>
/// <param name="UserAgent">The client's User-Agent, if sent.</param>
/// <param name="DeviceId">The device id the client sent (<c>X-Device-Id</c>), if any.</param>
public sealed record ClientInfo(string? IpAddress, string? UserAgent, string? DeviceId = null)
{
    /// <summary>No device metadata: for sessions started from code rather than a request.</summary>
    public static ClientInfo None { get; } = new(null, null);
}

/// <summary>The session rules in force for one app: the engine's settings with the app's overrides applied.</summary>
internal sealed record SessionPolicy(
    TimeSpan AccessTokenTtl, TimeSpan RefreshTokenTtl, bool RotateRefreshToken, int MaxActiveSessions, TimeSpan AbsoluteLifetime, TimeSpan IdleTimeout,
    TokenFormat TokenFormat)
{
    /// <summary>
    /// When an access token stops working: its own lifetime from <paramref name="issuedAt"/>, the idle timeout from
    /// <paramref name="activeAt"/> or the session's absolute lifetime from <paramref name="createdAt"/>, whichever is first.
    /// </summary>
    public DateTimeOffset AccessExpiry(DateTimeOffset createdAt, DateTimeOffset issuedAt, DateTimeOffset activeAt) =>
        Min(Min(issuedAt + AccessTokenTtl, activeAt + IdleTimeout), createdAt + AbsoluteLifetime);

    /// <summary>
    /// How stale a session's stored last activity may get before a request writes it again: at most
    /// <paramref name="cap"/>, and never more than a hundredth of the idle timeout, so the idle timeout (and an access
    /// expiry it shortens) is kept to within 1 %. A 7-day idle timeout needs no write per session per minute.
    /// </summary>
    public TimeSpan ActivityWriteInterval(TimeSpan cap) => cap <= IdleTimeout / 100 ? cap : IdleTimeout / 100;

    /// <summary>When a refresh token issued at <paramref name="issuedAt"/> stops working; never past the absolute lifetime.</summary>
    public DateTimeOffset RefreshExpiry(DateTimeOffset createdAt, DateTimeOffset issuedAt) =>
        Min(issuedAt + RefreshTokenTtl, createdAt + AbsoluteLifetime);

    /// <summary>Whether the session is past its absolute lifetime or has been idle too long at <paramref name="now"/>.</summary>
    public bool HasEnded(Session session, DateTimeOffset now) =>
        now >= session.CreatedAt + AbsoluteLifetime || now >= session.LastActivityAt + IdleTimeout;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
