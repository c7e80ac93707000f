using Authsome.Accounts;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Pages.Components;
using Authsome.Pages.Security;
using Authsome.Plugins.MagicLink;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>
/// Sign-in by a mailed link (the magic-link plugin; mapped only when it is added). Point
/// <c>Authsome:MagicLink:LinkTemplate</c> at <c>/magic-link?token={token}</c> under the pages' path.
/// </summary>
internal static class MagicLinkRoutes
{
    private const string Title = "Sign in by email";

    public static void MapMagicLinkPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/magic-link", (HttpContext context, PageRenderer renderer, string? token) =>
            renderer.RenderAsync<MagicLink>(context, Title, new() { [nameof(MagicLink.Token)] = string.IsNullOrEmpty(token) ? null : token }));
        pages.MapPost("/magic-link", RequestAsync).RequireRateLimiting(MagicLinkPlugin.RateLimitPolicy);
        pages.MapPost("/magic-link/verify", VerifyAsync).RequireRateLimiting(MagicLinkPlugin.RateLimitPolicy);
    }

    private static async Task<IResult> RequestAsync(HttpContext context, PageRenderer pages, MagicLinkService magicLinks)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        string? email = form["email"];
        try
        {
            await magicLinks.RequestAsync(InputRules.Email(email), null, context.RequestAborted);
        }
        catch (AuthsomeException ex)
        {
            return await pages.RenderAsync<MagicLink>(context, Title, new()
            {
                [nameof(MagicLink.Errors)] = FormErrors.From(ex),
                [nameof(MagicLink.Email)] = email,
            }, ex.Error.Status);
        }

        // Said whether or not an account uses the address, as the JSON route does.
        return await pages.RenderAsync<Notice>(context, "Check your email", new()
        {
            [nameof(Notice.Message)] = "If this address can sign in, a sign-in link is on its way.",
            [nameof(Notice.LinkHref)] = pages.BasePath(context) + "/sign-in",
            [nameof(Notice.LinkText)] = "Back to sign-in",
        });
    }

    private static async Task<IResult> VerifyAsync(HttpContext context, PageRenderer pages, ReturnUrls returns, MagicLinkService magicLinks)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        try
        {
            var signedIn = await magicLinks.VerifyAsync(InputRules.Required(form["token"], "token"), context.Client(), context.RequestAborted);
            SessionCookies.Write(context, signedIn.Session);
            return PageRenderer.SeeOther(context, returns.AccountPage);
        }
        catch (AuthsomeException ex)
        {
            return await MfaRoutes.PendingAsync(context, pages, AuthsomeFailure.From(ex), null)
                ?? await pages.RenderAsync<MagicLink>(context, Title, new() { [nameof(MagicLink.Errors)] = FormErrors.From(ex) }, ex.Error.Status);
        }
    }
}
