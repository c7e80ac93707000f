using Authsome.Api.OpenApi;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The API's OpenAPI document and, in Development, its Scalar reference page.</summary>
internal static class OpenApiExtensions
{
    /// <summary>Adds the OpenAPI document <c>v1</c>, describing the Authsome session token as a bearer scheme.</summary>
    public static IServiceCollection AddAuthsomeOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<SessionSecuritySchemeTransformer>();
            options.AddOperationTransformer<SessionSecurityRequirementTransformer>();
        });
        return services;
    }

    /// <summary>Serves the document at <c>/openapi/v1.json</c>, and the Scalar API reference at <c>/scalar</c> in Development.</summary>
    public static WebApplication MapAuthsomeOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference();
        }

        return app;
    }
}
