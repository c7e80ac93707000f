using Authsome.Authentication;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Authsome.Api.OpenApi;

/// <summary>Declares the Authsome session token as an HTTP bearer security scheme, and gives server URLs without a trailing slash.</summary>
internal sealed class SessionSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[AuthsomeAuthenticationDefaults.AuthenticationScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The session_token from /signup, /signin or /refresh (or the session cookie, when enabled).",
        };

        // The server URL comes from the request (`http://host/`); paths already start with '/', so a trailing slash doubles it.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";
        }

        return Task.CompletedTask;
    }
}
