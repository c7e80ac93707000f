using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Health checks and their endpoints. <c>/alive</c> (liveness) runs only the checks tagged <c>live</c>: is the
/// process able to answer at all. <c>/health</c> (readiness) runs every check, including the store's (Ping and
/// schema up to date), so it answers 503 while the database is down and 200 again once it is back.
/// </summary>
/// <remarks>
/// Aspire's template maps these only in Development. A container platform (Azure Container Apps, Kubernetes)
/// needs them everywhere, so they are always mapped, and they answer with the status word only
/// (<c>Healthy</c>, <c>Degraded</c>, <c>Unhealthy</c>) outside Development: no check names, no descriptions,
/// no exception text. In Development the body is JSON with each check's status and description.
/// Setting <c>HealthChecks:RequireHost</c> (for example <c>*:8081</c>, a comma-separated list or an array)
/// restricts both endpoints to those hosts/ports, so the probes can live on a port that is not exposed.
/// </remarks>
public static class HealthCheckExtensions
{
    /// <summary>The readiness endpoint: every check.</summary>
    public const string HealthEndpointPath = "/health";

    /// <summary>The liveness endpoint: the checks tagged <see cref="LiveTag"/>.</summary>
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>The tag of the checks <c>/alive</c> runs.</summary>
    public const string LiveTag = "live";

    /// <summary>The configuration key that restricts the health endpoints to some hosts or ports.</summary>
    public const string RequireHostKey = "HealthChecks:RequireHost";

    /// <summary>Adds the <c>self</c> check, tagged <c>live</c>, that passes whenever the process can run it.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> and <c>/alive</c> as described on <see cref="HealthCheckExtensions"/>.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Func<HttpContext, HealthReport, Task> writer = app.Environment.IsDevelopment() ? HealthReportWriter.WriteDetailsAsync : HealthReportWriter.WriteStatusAsync;
        var hosts = RequiredHosts(app.Configuration);

        Restrict(app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = writer }), hosts);
        Restrict(
            app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
            {
                Predicate = registration => registration.Tags.Contains(LiveTag),
                ResponseWriter = writer,
            }),
            hosts);
        return app;
    }

    /// <summary>True for the paths of the health endpoints (kept out of request traces).</summary>
    public static bool IsHealthEndpoint(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) || path.StartsWithSegments(AlivenessEndpointPath);

    private static void Restrict(IEndpointConventionBuilder endpoint, string[] hosts)
    {
        // Probes carry no credentials: a fallback authorization policy of the host must not turn them away.
        endpoint.AllowAnonymous();
        if (hosts.Length > 0)
        {
            endpoint.RequireHost(hosts);
        }
    }

    private static string[] RequiredHosts(IConfiguration configuration)
    {
        var section = configuration.GetSection(RequireHostKey);
        var values = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? string.Empty);
        return [.. values.Select(v => v.Trim()).Where(v => v.Length > 0)];
    }
}
