using Authsome.Store;

namespace Authsome.Sessions;

/// <summary>Signs the JWT access token of a session, for apps whose session config says <c>token_format: jwt</c> (the JWT plugin provides it).</summary>
internal interface IJwtAccessTokenMinter
{
    /// <summary>A signed JWT describing <paramref name="session"/>, issued at <paramref name="issuedAt"/> and expiring with the session's access token.</summary>
    ValueTask<string> MintAsync(Session session, DateTimeOffset issuedAt, CancellationToken cancellationToken);
}
