using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Endpoints;

/// <summary>OpenAPI metadata for the problem-details answers of a route or a group, one call for the list.</summary>
internal static class ProblemMetadata
{
    /// <summary>Declares that the route can answer each of <paramref name="statusCodes"/> with problem details.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params ReadOnlySpan<int> statusCodes) =>
        Declare(builder, statusCodes, static (route, statusCode) => route.ProducesProblem(statusCode));

    /// <summary>Declares that every route of the group can answer each of <paramref name="statusCodes"/> with problem details.</summary>
    public static RouteGroupBuilder ProducesProblems(this RouteGroupBuilder builder, params ReadOnlySpan<int> statusCodes) =>
        Declare(builder, statusCodes, static (group, statusCode) => group.ProducesProblem(statusCode));

    private static TBuilder Declare<TBuilder>(TBuilder builder, ReadOnlySpan<int> statusCodes, Func<TBuilder, int, TBuilder> produces)
    {
        foreach (var statusCode in statusCodes)
        {
            produces(builder, statusCode);
        }

        return builder;
    }
}
