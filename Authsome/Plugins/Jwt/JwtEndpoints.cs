using System.Globalization;
using System.Text.Json.Nodes;
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

    public static void MapJwtRoutes(this IEndpointRouteBuilder routes, RouteGroupBuilder authenticated)
    {
        routes.MapGet(JwksPath, JwksAsync)
            .WithName("Jwks").WithSummary("The public keys that sign JWT access tokens (JWK Set)").WithTags(Tag);

        routes.MapGet("/.well-known/openid-configuration", Discovery)
            .WithName("OpenIdConfiguration").WithSummary("The issuer's metadata for resource servers").WithTags(Tag);

        authenticated.MapPost("/introspect", IntrospectAsync)
            .WithName("Introspect").WithSummary("Whether a token is active, and what it says (RFC 7662); for holders of the introspection role").WithTags(Tag)
            .Accepts<IntrospectionForm>("application/x-www-form-urlencoded")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
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
        var caller = context.RequireSession();
        var role = options.CurrentValue.IntrospectionRole;
        if (!(await RoleSlugs.OfAsync(store, caller.User.Id, cancellationToken)).Contains(role, StringComparer.Ordinal))
        {
            throw new AuthsomeException(AuthsomeErrors.Forbidden, $"Introspection is for holders of the '{role}' role.");
        }

        if (!context.Request.HasFormContentType)
        {
            throw new AuthsomeException(AuthsomeErrors.UnsupportedMediaType, "Send the token as application/x-www-form-urlencoded (RFC 7662).");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var token = Accounts.InputRules.Required(form["token"].ToString() is { Length: > 0 } t ? t : null, "token");
        return TypedResults.Ok(await introspection.IntrospectAsync(token, form["token_type_hint"].ToString() is { Length: > 0 } hint ? hint : null, cancellationToken));
    }

    private static void Cache(HttpContext context, JwtOptions options) =>
        context.Response.Headers[HeaderNames.CacheControl] = string.Create(CultureInfo.InvariantCulture, $"public, max-age={(int)options.JwksCacheMaxAge.TotalSeconds}");
}

/// <summary>The form of <c>POST /introspect</c> (RFC 7662 §2.1).</summary>
/// <param name="Token">The token to look at.</param>
/// <param name="TokenTypeHint"><c>access_token</c> or <c>refresh_token</c>, optional.</param>
public sealed record IntrospectionForm(string Token, string? TokenTypeHint);
