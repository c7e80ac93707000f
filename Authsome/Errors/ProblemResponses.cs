using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Authsome.Errors;

/// <summary>Builds RFC 9457 problems for <see cref="AuthsomeError"/>s: status, title, detail, and the stable <c>code</c>.</summary>
internal static class ProblemResponses
{
    public static ProblemDetails Create(HttpContext context, AuthsomeError error, string? detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Type = "urn:authsome:problem:" + error.Code,
            Title = error.Title,
            Status = error.Status,
            Detail = detail ?? error.Title,
            Instance = context.Request.Path,
        };
        problem.Extensions["code"] = error.Code;
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }

        problem.Extensions["trace_id"] = Activity.Current?.Id ?? context.TraceIdentifier;
        return problem;
    }

    public static ProblemHttpResult Result(HttpContext context, AuthsomeException exception) =>
        TypedResults.Problem(Create(context, exception.Error, exception.Message, exception.Extensions));

    /// <summary>Writes the problem unless the response has started; sets Retry-After when given.</summary>
    public static async Task WriteAsync(HttpContext context, AuthsomeError error, string? detail, IReadOnlyDictionary<string, object?>? extensions = null, int? retryAfterSeconds = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = error.Status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await TypedResults.Problem(Create(context, error, detail, extensions)).ExecuteAsync(context);
    }

    public static Task WriteAsync(HttpContext context, AuthsomeException exception) =>
        WriteAsync(context, exception.Error, exception.Message, exception.Extensions, exception.RetryAfterSeconds);
}
