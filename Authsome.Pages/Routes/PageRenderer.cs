using Authsome.Pages.Components;
using Authsome.Pages.Security;
using Authsome.Store;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Authsome.Pages.Routes;

/// <summary>
/// Renders a page component inside its frame (branded as the app, or as <c>organization</c> where one is known), and
/// reads posted forms only after their anti-forgery check.
/// </summary>
internal sealed class PageRenderer(PagesBranding branding, IAntiforgery antiforgery, IOptionsMonitor<AuthsomePagesOptions> options)
{
    public async Task<IResult> RenderAsync<TPage>(HttpContext context, string title, Dictionary<string, object?>? parameters = null, int status = StatusCodes.Status200OK,
        Id<Organization>? organization = null)
        where TPage : IComponent
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var frame = new PageFrame(title, BasePath(context), await branding.GetAsync(context.RequestAborted, organization),
            PageSecurityHeaders.Nonce(context), tokens.FormFieldName, tokens.RequestToken ?? string.Empty);
        parameters ??= [];
        parameters["Frame"] = frame;
        return new RazorComponentResult<TPage>(parameters) { StatusCode = status };
    }

    /// <summary>The posted form, or null when it is not a form or fails the anti-forgery check.</summary>
    public async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return null;
        }

        return await context.Request.ReadFormAsync(context.RequestAborted);
    }

    /// <summary>The answer to a form that failed its anti-forgery check.</summary>
    public Task<IResult> RefusedAsync(HttpContext context) =>
        RenderAsync<Notice>(context, "Something went wrong", new()
        {
            [nameof(Notice.Message)] = "The form had expired or did not come from this site. Please try again.",
            [nameof(Notice.LinkHref)] = BasePath(context) + "/sign-in",
            [nameof(Notice.LinkText)] = "Back to sign-in",
        }, StatusCodes.Status400BadRequest);

    /// <summary>A 303 to <paramref name="url"/>, so the browser follows a POST with a GET.</summary>
    public static IResult SeeOther(HttpContext context, string url)
    {
        context.Response.Headers.Location = url;
        return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
    }

    public string BasePath(HttpContext context) => context.Request.PathBase + options.CurrentValue.Path.TrimEnd('/');
}
