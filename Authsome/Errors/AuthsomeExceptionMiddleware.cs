using Authsome.Endpoints;
using Authsome.Passwords;
using Authsome.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Errors;

/// <summary>
/// Turns every exception escaping an engine route into a problem: known conditions get their status and code,
/// anything else a bare 500 <c>internal_error</c> (details go to the log only). Routes of the host application
/// are left to the host's own error handling.
/// </summary>
internal sealed partial class AuthsomeExceptionMiddleware(RequestDelegate next, IOptions<AuthsomeOptions> options, ILogger<AuthsomeExceptionMiddleware> logger)
{
    private readonly PathString basePath = new(options.Value.BasePath.TrimEnd('/'));

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsEngineRoute(context) && !context.Response.HasStarted)
        {
            await HandleAsync(context, ex);
            return;
        }

        // Routing answers these itself, with an empty body, before any engine endpoint runs.
        if (!context.Response.HasStarted && context.Request.Path.StartsWithSegments(basePath))
        {
            var error = context.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => AuthsomeErrors.NotFound,
                StatusCodes.Status405MethodNotAllowed => AuthsomeErrors.MethodNotAllowed,
                StatusCodes.Status415UnsupportedMediaType => AuthsomeErrors.UnsupportedMediaType,
                _ => null,
            };
            if (error is not null)
            {
                await ProblemResponses.WriteAsync(context, error, error == AuthsomeErrors.UnsupportedMediaType ? "Send the body as application/json." : null);
            }
        }
    }

    private static bool IsEngineRoute(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<AuthsomeEndpointMetadata>() is not null;

    private async Task HandleAsync(HttpContext context, Exception exception)
    {
        // Whatever the failed handler had set (cookies, headers) is not part of the answer.
        context.Response.Clear();
        switch (exception)
        {
            case AuthsomeException known:
                await ProblemResponses.WriteAsync(context, known);
                break;
            case PasswordHashingBusyException:
                LogHashingBusy(logger, context.Request.Path);
                await ProblemResponses.WriteAsync(context, AuthsomeErrors.ServiceBusy, "Too many sign-ins are being processed; retry shortly.", retryAfterSeconds: 2);
                break;
            case StoreUnavailableException unavailable:
                LogStoreUnavailable(logger, unavailable, context.Request.Path);
                await ProblemResponses.WriteAsync(context, AuthsomeErrors.StoreUnavailable, "The service is temporarily unavailable.", retryAfterSeconds: 5);
                break;
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                await ProblemResponses.WriteAsync(context, AuthsomeErrors.BodyTooLarge, "The request body is too large.");
                break;
            case BadHttpRequestException:
                await ProblemResponses.WriteAsync(context, AuthsomeErrors.MalformedBody, "The request could not be read.");
                break;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                // The client went away: nobody reads an answer.
                break;
            default:
                LogUnexpected(logger, exception, context.Request.Method, context.Request.Path);
                await ProblemResponses.WriteAsync(context, AuthsomeErrors.Internal, "An unexpected error occurred.");
                break;
        }
    }

    [LoggerMessage(EventId = 3801, Level = LogLevel.Error, Message = "Unexpected error on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(EventId = 3802, Level = LogLevel.Warning, Message = "The store is unavailable on {Path}")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception, PathString path);

    [LoggerMessage(EventId = 3803, Level = LogLevel.Warning, Message = "Password hashing is saturated on {Path}; answered 503")]
    private static partial void LogHashingBusy(ILogger logger, PathString path);
}
