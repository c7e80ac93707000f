using Authsome.Store;

namespace Authsome.Sessions;

/// <summary>A session just created or refreshed, with its tokens in plain text: they exist only in this answer.</summary>
internal sealed record IssuedSession(Session Session, string AccessToken, string RefreshToken);

/// <summary>A session whose access token was accepted, with its user.</summary>
public sealed record AuthenticatedSession(Session Session, User User);

/// <summary>Where a request came from, recorded on sessions.</summary>
internal sealed record ClientInfo(string? IpAddress, string? UserAgent);

/// <summary>The session rules in force for one app: the engine's settings with the app's overrides applied.</summary>
internal sealed record SessionPolicy(TimeSpan AccessTokenTtl, TimeSpan RefreshTokenTtl, bool RotateRefreshToken, int MaxActiveSessions, TokenFormat TokenFormat);
