using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Pages.Security;
using Authsome.Plugins.Social;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Authsome.Pages.Routes;

/// <summary>
/// Sign-in with a social provider from the sign-in page (the social plugin; mapped only when it is added). The pages
/// start the plugin's flow with their own <c>/social/complete</c> as the redirect_uri (which
/// <c>Authsome:Social:AllowedRedirectUris</c> must list), and there exchange the one-time code for the session cookie.
/// A cookie set when this browser started the flow must come back, so a code planted in someone else's browser
/// (login CSRF) signs no one in.
/// </summary>
internal static class SocialRoutes
{
    public const string FlowCookieName = "authsome-pages-social";

    public static void MapSocialPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/social/complete", CompleteAsync);
        pages.MapGet("/social/{provider}", StartAsync);
    }

    private static async Task<IResult> StartAsync(string provider, HttpContext context, PageRenderer pages, ReturnUrls returns, SocialService social,
        IOptionsMonitor<SocialOptions> options, string? return_url)
    {
        try
        {
            var start = await social.StartAsync(provider, CompleteUrl(context, pages), null, context.EngineBaseUrl(), context.RequestAborted);
            SocialEndpoints.Bind(context, start);
            // Never empty: a browser sends an empty cookie back as no cookie, and the flow would not complete.
            context.Response.Cookies.Append(FlowCookieName, returns.OrAccount(return_url), new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                // Lax: the provider sends the browser back by a top-level GET, which brings it.
                SameSite = SameSiteMode.Lax,
                Path = pages.BasePath(context) + "/social",
                MaxAge = options.CurrentValue.StateTtl,
                IsEssential = true,
            });
            return TypedResults.Redirect(start.AuthorizationUrl.AbsoluteUri);
        }
        catch (AuthsomeException ex)
        {
            return await SignInRoutes.RenderAsync(context, pages, new() { [nameof(Components.SignIn.Errors)] = FormErrors.From(ex) }, ex.Error.Status);
        }
    }

    private static async Task<IResult> CompleteAsync(HttpContext context, PageRenderer pages, ReturnUrls returns, SocialService social, string? code)
    {
        if (!context.Request.Cookies.TryGetValue(FlowCookieName, out var returnUrl))
        {
            return await pages.RefusedAsync(context);
        }

        context.Response.Cookies.Delete(FlowCookieName, new CookieOptions { HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, Path = pages.BasePath(context) + "/social" });
        // SeeOther sets Location at once, so the failure's answer is made only when it is the answer.
        IResult Failed() => PageRenderer.SeeOther(context, pages.BasePath(context) + "/sign-in?social_error=1");
        if (string.IsNullOrEmpty(code))
        {
            return Failed();
        }

        try
        {
            var (_, issued) = await social.ExchangeAsync(code, context.Client(), context.RequestAborted);
            SessionCookies.Write(context, issued);
            return PageRenderer.SeeOther(context, returns.OrAccount(returnUrl));
        }
        catch (AuthsomeException ex)
        {
            return await MfaRoutes.PendingAsync(context, pages, AuthsomeFailure.From(ex), returns.Allowed(returnUrl)) ?? Failed();
        }
    }

    /// <summary>The redirect_uri the pages give the social plugin: this host's <c>/social/complete</c> under the pages' path.</summary>
    public static string CompleteUrl(HttpContext context, PageRenderer pages) =>
        $"{context.Request.Scheme}://{context.Request.Host}{pages.BasePath(context)}/social/complete";
}
