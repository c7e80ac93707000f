using Authsome.ApiKeys;
using Authsome.Errors;
using Authsome.Pages.Components;
using Authsome.Pages.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>
/// The account page's API keys (the engine's <see cref="ApiKeyService"/>): make one, whose secret is shown on the answer
/// to that POST only (anti-forgery marks it no-store), and revoke one.
/// </summary>
internal static class ApiKeyRoutes
{
    public static void MapApiKeyPages(this IEndpointRouteBuilder pages)
    {
        pages.MapPost("/account/api-keys", CreateAsync);
        pages.MapPost("/account/api-keys/{id}/revoke", RevokeAsync);
    }

    private static Task<IResult> CreateAsync(HttpContext context, PageRenderer pages, PageSessions current, ApiKeyService keys) =>
        AccountRoutes.SignedInFormAsync(context, pages, current, "account", async (form, signedIn) =>
        {
            try
            {
                var scopes = form["scopes"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var issued = await keys.CreateAsync(ApiKeyOwner.Of(signedIn.User.Id), form["name"], scopes, null, context.RequestAborted);
                return await pages.RenderAsync<ApiKeyCreated>(context, "Your new API key", new()
                {
                    [nameof(ApiKeyCreated.Name)] = issued.Key.Name,
                    [nameof(ApiKeyCreated.Secret)] = issued.Secret,
                });
            }
            catch (AuthsomeException ex)
            {
                return await AccountRoutes.RenderAsync(context, pages, signedIn, FormErrors.From(ex), ex.Error.Status);
            }
        });

    private static Task<IResult> RevokeAsync(string id, HttpContext context, PageRenderer pages, PageSessions current, ApiKeyService keys) =>
        AccountRoutes.ChangeAsync(context, pages, current, async (_, signedIn) =>
        {
            var key = await keys.FindAsync(ApiKeyOwner.Of(signedIn.User.Id), id, context.RequestAborted) ?? throw new AuthsomeException(AuthsomeErrors.NotFound, "No such API key.");
            if (!key.Revoked)
            {
                await keys.RevokeAsync(key, context.RequestAborted);
            }
        });
}
