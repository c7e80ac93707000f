using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Authsome.Pages.Security;

/// <summary>
/// Headers every page answer carries: a Content-Security-Policy with a fresh nonce (scripts run only with it; styles
/// come from the pages' own stylesheets), no framing, no sniffing, no referrer (reset and verification tokens travel in
/// page URLs). Anti-forgery already marks every page that holds a form token no-store.
/// </summary>
internal sealed class PageSecurityHeaders(IOptionsMonitor<AuthsomePagesOptions> options) : IEndpointFilter
{
    private const string NonceKey = "Authsome.Pages.Nonce";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        Apply(context.HttpContext);
        return next(context);
    }

    /// <summary>Sets the headers and this response's nonce (also for a page answered before its endpoint runs, e.g. a 429).</summary>
    public void Apply(HttpContext http)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        http.Items[NonceKey] = nonce;
        // A form's POST may end in a redirect to an allowed return origin, which form-action must name too.
        var formAction = string.Join(' ', ["'self'", .. options.CurrentValue.AllowedReturnOrigins.Select(o => o.TrimEnd('/'))]);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'nonce-{nonce}' 'strict-dynamic'; style-src 'self' 'nonce-{nonce}'; " +
            $"img-src 'self' https: data:; font-src 'self' https:; connect-src 'self'; form-action {formAction}; " +
            "frame-ancestors 'none'; base-uri 'none'";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    /// <summary>This request's nonce.</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? string.Empty;
}
