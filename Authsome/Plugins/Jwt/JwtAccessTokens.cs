using Authsome.Security;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Authsome.Plugins.Jwt;

/// <summary>
/// Signs and checks the engine's JWT access tokens (RFC 9068 shape, <c>typ: at+jwt</c>, ES256). Claims: <c>sub</c> (user),
/// <c>sid</c> (session), <c>app</c>, <c>env</c>, <c>org</c> when the session has one, <c>iat</c>, <c>nbf</c>, <c>exp</c>,
/// <c>jti</c>, and <c>roles</c> when configured.
/// </summary>
internal sealed class JwtAccessTokens(
    SigningKeyRing keys,
    JwtIssuer issuer,
    IAuthsomeStore store,
    IOptionsMonitor<JwtOptions> options) : IJwtAccessTokenMinter
{
    /// <summary>The JOSE <c>typ</c> of our access tokens.</summary>
    public const string TokenType = "at+jwt";

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async ValueTask<string> MintAsync(Session session, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = session.UserId.ToString(),
            [JwtRegisteredClaimNames.Sid] = session.Id.ToString(),
            ["app"] = session.AppId.ToString(),
            ["env"] = session.EnvId.ToString(),
            [JwtRegisteredClaimNames.Jti] = SecretTokens.NewToken(),
        };
        if (session.OrgId is { } org)
        {
            claims["org"] = org.ToString();
        }

        if (options.CurrentValue.IncludeRoles)
        {
            claims["roles"] = await RoleSlugs.OfAsync(store, session.UserId, cancellationToken);
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.Issuer,
            Audience = issuer.Audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = session.ExpiresAt.UtcDateTime,
            TokenType = TokenType,
            Claims = claims,
            SigningCredentials = await keys.GetSigningCredentialsAsync(session.AppId, cancellationToken),
        });
    }

    /// <summary>Checks a token's signature (against the app's published keys), issuer, audience, type and lifetime; null when any fails.</summary>
    public async ValueTask<JsonWebToken?> ValidateAsync(Id<App> appId, string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var published = await keys.GetPublishedAsync(appId, cancellationToken);
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudience = issuer.Audience,
            IssuerSigningKeys = [.. published.Select(k => k.SecurityKey)],
            ValidAlgorithms = [SigningKeyRing.Algorithm],
            ValidTypes = [TokenType],
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) => notBefore <= now.UtcDateTime && expires > now.UtcDateTime,
        });
        return result.IsValid ? result.SecurityToken as JsonWebToken : null;
    }
}
