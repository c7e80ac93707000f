using Authsome.Accounts;
using Authsome.ApiKeys;
using Authsome.Errors;
using Authsome.Pages.Components;
using Authsome.Pages.Components.AccountSections;
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

    private const int MaxLifetimeDays = 3650;

    private static Task<IResult> CreateAsync(HttpContext context, PageRenderer pages, PageSessions current, ApiKeyService keys, TimeProvider time) =>
        AccountRoutes.SignedInFormAsync(context, pages, current, "account", async (form, signedIn) =>
        {
            try
            {
                var scopes = form["scopes"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var issued = await keys.CreateAsync(ApiKeyOwner.Of(signedIn.User.Id), form["name"], scopes, Expiry(form, time), context.RequestAborted);
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

    // The page asks for a number of days rather than a moment, which a browser's date input would give without a time zone.
    private static DateTimeOffset? Expiry(IFormCollection form, TimeProvider time)
    {
        var days = form[ApiKeysSection.ExpiryField].ToString().Trim();
        if (days.Length == 0)
        {
            return null;
        }

        return int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxLifetimeDays
            ? time.GetUtcNow().AddDays(count)
            : throw InputRules.Invalid(ApiKeysSection.ExpiryField, $"A whole number of days from 1 to {MaxLifetimeDays}, or empty for no expiry.");
    }

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
