using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>OpenTelemetry wiring of <see cref="ServiceDefaultsExtensions.AddServiceDefaults{TBuilder}"/>.</summary>
public static class TelemetryExtensions
{
    /// <summary>The configuration key (an environment variable under an orchestrator) that turns OTLP export on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Logs, metrics and traces through OpenTelemetry: ASP.NET Core, HttpClient and runtime instrumentation, the
    /// host's own ActivitySource (named after the application), and <see cref="TelemetrySources"/>, exported over
    /// OTLP. All of it only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: without an exporter no span is started
    /// and no metric point recorded. The other <c>OTEL_*</c> variables (<c>OTEL_SERVICE_NAME</c>,
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c>, protocol, headers, <c>OTEL_TRACES_SAMPLER</c>) are read by the SDK itself.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Spans and metric points cost every request allocations, tags and timing; with nowhere to send them nothing
        // would ever read them. Logs still reach the host's other providers (the console).
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var applicationName = builder.Environment.ApplicationName;
        var serviceNameGiven = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // Outside an orchestrator nobody sets OTEL_SERVICE_NAME; name the service after the application
                // rather than the SDK's "unknown_service". A given OTEL_SERVICE_NAME always wins.
                if (!serviceNameGiven)
                {
                    resource.AddService(applicationName);
                }
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter([.. TelemetrySources.Meters]))
            .WithTracing(tracing => tracing
                .AddSource(applicationName)
                .AddSource([.. TelemetrySources.ActivitySources])
                // Probes hit the health endpoints every few seconds; tracing them would drown the real requests.
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !HealthCheckExtensions.IsHealthEndpoint(context.Request.Path))
                .AddHttpClientInstrumentation())
            .UseOtlpExporter();
        return builder;
    }
}
