using Authsome.Endpoints;
using Authsome.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.ApiKeys;

/// <summary>The signed-in user's API keys. Managing keys needs a session: a key cannot make or roll keys.</summary>
internal static class ApiKeyEndpoints
{
    private const string Tag = "API keys";

    public static void MapApiKeyRoutes(this IEndpointRouteBuilder authenticated)
    {
        authenticated.MapPost("/keys", CreateAsync)
            .WithName("CreateApiKey").WithSummary("Make an API key; the answer holds its secret, shown only this once").WithTags(Tag)
            .Accepts<CreateApiKeyRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);

        authenticated.MapGet("/keys", ListAsync)
            .WithName("ListApiKeys").WithSummary("The caller's API keys (no secrets)").WithTags(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        authenticated.MapDelete("/keys/{id}", RevokeAsync)
            .WithName("RevokeApiKey").WithSummary("Revoke an API key; it stops working at once").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        authenticated.MapPost("/keys/{id}/roll", RollAsync)
            .WithName("RollApiKey").WithSummary("Issue a new secret; the old one works for the grace period").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
    }

    private static async Task<Created<IssuedApiKeyResponse>> CreateAsync(CreateApiKeyRequest body, HttpContext context, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var owner = ApiKeyOwner.Of(context.RequireSession().User.Id);
        var issued = await keys.CreateAsync(owner, body.Name, body.Scopes, body.ExpiresAt, cancellationToken);
        return TypedResults.Created($"keys/{issued.Key.Id}", IssuedApiKeyResponse.From(issued));
    }

    private static async Task<Ok<ApiKeyResponse[]>> ListAsync(HttpContext context, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var owner = ApiKeyOwner.Of(context.RequireSession().User.Id);
        return TypedResults.Ok((await keys.ListAsync(owner, cancellationToken)).Select(ApiKeyResponse.From).ToArray());
    }

    private static async Task<NoContent> RevokeAsync(string id, HttpContext context, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var owner = ApiKeyOwner.Of(context.RequireSession().User.Id);
        var key = await keys.FindAsync(owner, id, cancellationToken) ?? throw new AuthsomeException(AuthsomeErrors.NotFound);
        if (!key.Revoked)
        {
            await keys.RevokeAsync(key, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Ok<IssuedApiKeyResponse>> RollAsync(string id, HttpContext context, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var owner = ApiKeyOwner.Of(context.RequireSession().User.Id);
        var key = await keys.FindAsync(owner, id, cancellationToken) ?? throw new AuthsomeException(AuthsomeErrors.NotFound);
        return TypedResults.Ok(IssuedApiKeyResponse.From(await keys.RollAsync(key, cancellationToken)));
    }
}
