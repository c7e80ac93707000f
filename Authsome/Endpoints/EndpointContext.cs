using Authsome.ApiKeys;
using Authsome.Authentication;
using Authsome.Devices;
using Authsome.Errors;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Authsome.Endpoints;

/// <summary>Small helpers the route handlers share.</summary>
internal static class EndpointContext
{
    private const int MaxUserAgentLength = 512;

    /// <summary>The client's address and User-Agent (truncated), as recorded on sessions.</summary>
    public static ClientInfo Client(this HttpContext context)
    {
        string? userAgent = context.Request.Headers[HeaderNames.UserAgent];
        if (userAgent is { Length: > MaxUserAgentLength })
        {
            userAgent = userAgent[..MaxUserAgentLength];
        }

        return new ClientInfo(
            context.Connection.RemoteIpAddress?.ToString(),
            string.IsNullOrWhiteSpace(userAgent) ? null : userAgent,
            DeviceFingerprint.ValidDeviceId(context.Request.Headers[DeviceFingerprint.HeaderName]));
    }

    /// <summary>The URL of the engine's routes as this request reached them: scheme, host, path base and <c>Authsome:BasePath</c>.</summary>
    public static string EngineBaseUrl(this HttpContext context)
    {
        var basePath = context.RequestServices.GetRequiredService<IOptionsMonitor<AuthsomeOptions>>().CurrentValue.BasePath.TrimEnd('/');
        return $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{basePath}";
    }

    /// <summary>The session the Authsome scheme accepted; the routes that call this require it, so absence is a 401.</summary>
    public static AuthenticatedSession RequireSession(this HttpContext context) =>
        context.GetAuthsomeSession() ?? throw new AuthsomeException(AuthsomeErrors.Unauthenticated);

    /// <summary>
    /// The user the request acts as: the session's, or the owner of a user's API key. A service account's key is
    /// not a user (403); no credential is a 401.
    /// </summary>
    public static User RequireUser(this HttpContext context) =>
        context.GetAuthsomeSession()?.User
        ?? (ApiKeyAuthentication.KeyOf(context) is { } key
            ? key.User ?? throw new AuthsomeException(AuthsomeErrors.Forbidden, "A service account is not a user.")
            : throw new AuthsomeException(AuthsomeErrors.Unauthenticated));
}
