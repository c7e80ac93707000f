using System.Globalization;
using System.Text.Json.Nodes;
using Authsome.ApiKeys;
using Authsome.Apps;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Authsome.Plugins.Jwt;

/// <summary>The keys and discovery document resource servers read, and token introspection.</summary>
internal static class JwtEndpoints
{
    private const string Tag = "Tokens";
    private const string JwksPath = "/.well-known/jwks.json";

    /// <summary>The API-key scope that allows <c>POST /introspect</c>.</summary>
    public const string IntrospectScope = "introspect";

    public static void MapJwtRoutes(this IEndpointRouteBuilder routes, RouteGroupBuilder authenticated)
    {
        routes.MapGet(JwksPath, JwksAsync)
            .WithName("Jwks").WithSummary("The public keys that sign JWT access tokens (JWK Set)").WithTags(Tag);

        routes.MapGet("/.well-known/openid-configuration", Discovery)
            .WithName("OpenIdConfiguration").WithSummary("The issuer's metadata for resource servers").WithTags(Tag);

        authenticated.MapPost("/introspect", IntrospectAsync)
            .WithName("Introspect").WithSummary("Whether a token is active, and what it says (RFC 7662); for holders of the introspection role or API keys with the introspect scope").WithTags(Tag)
            .Accepts<IntrospectionForm>("application/x-www-form-urlencoded")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
    }

    private static async Task<ContentHttpResult> JwksAsync(HttpContext context, SigningKeyRing keys, AppResolver apps, IOptionsMonitor<JwtOptions> options, CancellationToken cancellationToken)
    {
        var app = await apps.GetAsync(cancellationToken);
        var published = await keys.GetPublishedAsync(app.AppId, cancellationToken);
        var set = new JsonObject { ["keys"] = new JsonArray([.. published.Select(k => JsonNode.Parse(k.Jwk))]) };
        Cache(context, options.CurrentValue);
        return TypedResults.Content(set.ToJsonString(), "application/jwk-set+json");
    }

    private static Ok<JsonObject> Discovery(HttpContext context, JwtIssuer issuer, IOptionsMonitor<JwtOptions> options)
    {
        var iss = issuer.Issuer;
        Cache(context, options.CurrentValue);
        return TypedResults.Ok(new JsonObject
        {
            ["issuer"] = iss,
            ["jwks_uri"] = iss + JwksPath,
            ["introspection_endpoint"] = iss + "/introspect",
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray(SigningKeyRing.Algorithm),
            ["response_types_supported"] = new JsonArray(),
            ["claims_supported"] = new JsonArray("sub", "sid", "app", "env", "org", "roles", "iat", "nbf", "exp", "jti", "iss", "aud"),
        });
    }

    private static async Task<Ok<IntrospectionResponse>> IntrospectAsync(
        HttpContext context, IntrospectionService introspection, IAuthsomeStore store, IOptionsMonitor<JwtOptions> options, CancellationToken cancellationToken)
    {
        await RequireIntrospectorAsync(context, store, options.CurrentValue.IntrospectionRole, cancellationToken);

        if (!context.Request.HasFormContentType)
        {
            throw new AuthsomeException(AuthsomeErrors.UnsupportedMediaType, "Send the token as application/x-www-form-urlencoded (RFC 7662).");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var token = Accounts.InputRules.Required(form["token"].ToString() is { Length: > 0 } t ? t : null, "token");
        return TypedResults.Ok(await introspection.IntrospectAsync(token, form["token_type_hint"].ToString() is { Length: > 0 } hint ? hint : null, cancellationToken));
    }

    /// <summary>
    /// Who may introspect: an API key carrying the <c>introspect</c> scope (a resource server's service account,
    /// typically), or a user holding the introspection role, with a session or with a key whose scopes allow it.
    /// </summary>
    private static async ValueTask RequireIntrospectorAsync(HttpContext context, IAuthsomeStore store, string role, CancellationToken cancellationToken)
    {
        var key = ApiKeyAuthentication.KeyOf(context);
        if (key is not null && !key.Key.Scopes.IsEmpty && key.Allows(IntrospectScope))
        {
            return;
        }

        var user = key is null ? context.RequireSession().User : key.User;
        if (user is null || (key is not null && !key.Allows(IntrospectScope))
            || !(await RoleSlugs.OfAsync(store, user.Id, cancellationToken)).Contains(role, StringComparer.Ordinal))
        {
            throw new AuthsomeException(AuthsomeErrors.Forbidden, $"Introspection is for holders of the '{role}' role, or API keys with the scope {IntrospectScope}.");
        }
    }

    private static void Cache(HttpContext context, JwtOptions options) =>
        context.Response.Headers[HeaderNames.CacheControl] = string.Create(CultureInfo.InvariantCulture, $"public, max-age={(int)options.JwksCacheMaxAge.TotalSeconds}");
}

/// <summary>The form of <c>POST /introspect</c> (RFC 7662 §2.1).</summary>
/// <param name="Token">The token to look at.</param>
/// <param name="TokenTypeHint"><c>access_token</c> or <c>refresh_token</c>, optional.</param>
public sealed record IntrospectionForm(string Token, string? TokenTypeHint);
