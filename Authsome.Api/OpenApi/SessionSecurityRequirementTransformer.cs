using Authsome.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Authsome.Api.OpenApi;

/// <summary>
/// Marks the operations that need a session with the bearer security requirement, and declares the others public with an
/// empty requirement list, so that generated clients send the token exactly where it is needed.
/// </summary>
internal sealed class SessionSecurityRequirementTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(AuthsomeAuthenticationDefaults.AuthenticationScheme, context.Document)] = [],
            });
        }
        else
        {
            operation.Security = [];
        }

        return Task.CompletedTask;
    }
}
