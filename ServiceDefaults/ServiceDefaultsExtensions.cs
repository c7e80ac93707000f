using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The defaults every Authsome host (the Api and the Migrator) starts with, in the shape of Aspire's ServiceDefaults
/// template: telemetry, health checks, service discovery and resilient HttpClients. Our own code over the packages
/// Aspire's template uses; no Aspire package is involved.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Adds OpenTelemetry logging, metrics and tracing (OTLP export when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set),
    /// the default health checks, service discovery, and the standard resilience handler on every HttpClient.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }
}
