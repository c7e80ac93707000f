using System.Globalization;
using System.Threading.RateLimiting;
using Authsome.Pages.Components;
using Authsome.Pages.Routes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Authsome.Pages.Security;

/// <summary>Marks the pages' endpoints, so that a refused request of theirs is answered with a page.</summary>
internal sealed class PageEndpoint;

/// <summary>
/// A page request the engine's rate limiter refuses gets a page (429, <c>Retry-After</c>, the pages' headers), not the
/// JSON problem the API's clients get; every other refusal still goes to the engine's answer.
/// </summary>
internal sealed class PageRateLimitRejection : IPostConfigureOptions<RateLimiterOptions>
{
    public void PostConfigure(string? name, RateLimiterOptions options)
    {
        var engineAnswer = options.OnRejected;
        options.OnRejected = async (context, cancellationToken) =>
        {
            if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<PageEndpoint>() is null)
            {
                if (engineAnswer is not null)
                {
                    await engineAnswer(context, cancellationToken);
                }

                return;
            }

            await AnswerAsync(context);
        };
    }

    private static async Task AnswerAsync(OnRejectedContext rejected)
    {
        var http = rejected.HttpContext;
        var services = http.RequestServices;
        services.GetRequiredService<PageSecurityHeaders>().Apply(http);
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : (int?)null;
        if (seconds is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        var pages = services.GetRequiredService<PageRenderer>();
        // A page can simply be loaded again; a form's POST is sent again from the page before it.
        var again = HttpMethods.IsGet(http.Request.Method) ? http.Request.PathBase + http.Request.Path + http.Request.QueryString : null;
        var result = await pages.RenderAsync<Notice>(http, "Too many attempts", new()
        {
            [nameof(Notice.Message)] = seconds is { } s
                ? string.Create(CultureInfo.InvariantCulture, $"There were too many attempts from your network. Please wait {s} {(s == 1 ? "second" : "seconds")} and try again.")
                : "There were too many attempts from your network. Please wait a little and try again.",
            [nameof(Notice.LinkHref)] = again,
            [nameof(Notice.LinkText)] = "Try again",
        }, StatusCodes.Status429TooManyRequests);
        await result.ExecuteAsync(http);
    }
}
