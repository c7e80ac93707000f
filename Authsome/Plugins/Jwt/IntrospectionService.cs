using System.Text.Json.Serialization;
using Authsome.Apps;
using Authsome.Security;
using Authsome.Sessions;
using Authsome.Store;

namespace Authsome.Plugins.Jwt;

/// <summary>
/// Token introspection (RFC 7662) for resource servers. An access token, opaque or JWT, is active while its session
/// lives and it has not expired (a JWT must also carry a valid signature of ours); a refresh token while its session can
/// still be refreshed. Anything else, including a malformed token, is simply inactive.
/// </summary>
internal sealed class IntrospectionService(
    SessionService sessions,
    JwtAccessTokens jwt,
    JwtIssuer issuer,
    IAuthsomeStore store,
    AppResolver apps,
    TimeProvider time)
{
    public async ValueTask<IntrospectionResponse> IntrospectAsync(string token, string? tokenTypeHint, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(cancellationToken);
        var now = time.GetStoreNow();
        if (SecretTokens.LooksLikeJwt(token))
        {
            if (await jwt.ValidateAsync(app.AppId, token, now, cancellationToken) is not { } validated
                || await sessions.AuthenticateAsync(token, client: null, cancellationToken) is not { } live)
            {
                return IntrospectionResponse.Inactive;
            }

            return IntrospectionResponse.For(live.Session, "access_token", live.Session.ExpiresAt) with
            {
                Iat = validated.IssuedAt == DateTime.MinValue ? null : new DateTimeOffset(validated.IssuedAt).ToUnixTimeSeconds(),
                Iss = validated.Issuer,
                Aud = validated.Audiences.FirstOrDefault(),
                Jti = validated.Id,
            };
        }

        if (!SecretTokens.LooksLikeToken(token))
        {
            return IntrospectionResponse.Inactive;
        }

        if (tokenTypeHint != "refresh_token" && await sessions.AuthenticateAsync(token, client: null, cancellationToken) is { } access)
        {
            return IntrospectionResponse.For(access.Session, "access_token", access.Session.ExpiresAt) with { Iss = issuer.Issuer };
        }

        var refreshable = await store.Sessions.GetByRefreshTokenHashAsync(SecretHash.Of(token), cancellationToken);
        if (refreshable is not null && refreshable.AppId == app.AppId && refreshable.RefreshTokenExpiresAt > now)
        {
            return IntrospectionResponse.For(refreshable, "refresh_token", refreshable.RefreshTokenExpiresAt) with { Iss = issuer.Issuer };
        }

        // The hint is only a hint (RFC 7662 §2.1): an access token sent as refresh_token is still found.
        return tokenTypeHint == "refresh_token" && await sessions.AuthenticateAsync(token, client: null, cancellationToken) is { } late
            ? IntrospectionResponse.For(late.Session, "access_token", late.Session.ExpiresAt) with { Iss = issuer.Issuer }
            : IntrospectionResponse.Inactive;
    }
}

/// <summary>An introspection answer (RFC 7662 §2.2); an inactive token gets only <c>active: false</c>.</summary>
public sealed record IntrospectionResponse
{
    /// <summary>The answer for any token that is not active.</summary>
    public static readonly IntrospectionResponse Inactive = new() { Active = false };

    public required bool Active { get; init; }

    /// <summary><c>access_token</c> or <c>refresh_token</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TokenType { get; init; }

    /// <summary>The user.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sub { get; init; }

    /// <summary>The session.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sid { get; init; }

    /// <summary>The app, also given as <c>client_id</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ClientId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? App { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Env { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Org { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Exp { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Iat { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Iss { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Aud { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Jti { get; init; }

    internal static IntrospectionResponse For(Session session, string tokenType, DateTimeOffset expiresAt) => new()
    {
        Active = true,
        TokenType = tokenType,
        Sub = session.UserId.ToString(),
        Sid = session.Id.ToString(),
        ClientId = session.AppId.ToString(),
        App = session.AppId.ToString(),
        Env = session.EnvId.ToString(),
        Org = session.OrgId?.ToString(),
        Exp = expiresAt.ToUnixTimeSeconds(),
        Iat = session.LastActivityAt.ToUnixTimeSeconds(),
    };
}
