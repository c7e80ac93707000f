using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Authsome.AppHost.Orchestration;

/// <summary>
/// The environment a project gets, built the way Aspire's AppHost builds it (its project defaults, OTLP exporter
/// settings and console-log settings), then the launch profile's variables (which never replace one
/// already set), then the project's own <c>WithEnvironment</c> and <c>WithReference</c> variables. A later variable
/// of the same name replaces an earlier one.
/// </summary>
public static class ProjectEnvironment
{
    /// <summary>Aspire's configuration key for the dashboard's OTLP/gRPC endpoint; any OTLP collector will do.</summary>
    public const string OtlpGrpcEndpointKey = "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL";

    /// <summary>Aspire's configuration key for the dashboard's OTLP/HTTP endpoint.</summary>
    public const string OtlpHttpEndpointKey = "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL";

    /// <summary>The configuration key of the API key sent to the collector as <c>x-otlp-api-key</c>.</summary>
    public const string OtlpApiKeyKey = "AppHost:OtlpApiKey";

    /// <summary>
    /// The values the project's process gets (run mode) or the manifest writes (publish mode). In run mode every
    /// referenced resource must be provisioned, or the call throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> GetEnvironmentVariableValuesAsync(
        this ProjectResource project, IDistributedApplicationBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(builder);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in Collect(project, builder))
        {
            values[variable.Name] = builder.ExecutionContext.IsPublishMode
                ? variable.ManifestExpression
                : await variable.ResolveAsync(cancellationToken);
        }

        return values;
    }

    /// <summary>The variables in order; duplicates are resolved by <see cref="GetEnvironmentVariableValuesAsync"/> (last wins).</summary>
    internal static IReadOnlyList<EnvironmentVariable> Collect(ProjectResource project, IDistributedApplicationBuilder builder)
    {
        List<EnvironmentVariable> variables =
        [
            EnvironmentVariable.Literal("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES", "true"),
            EnvironmentVariable.Literal("OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES", "true"),
            EnvironmentVariable.Literal("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory"),
        ];
        if (builder.ExecutionContext.IsRunMode)
        {
            variables.AddRange(RunModeDefaults(project, builder));
            if (project.LaunchProfile is { } profile)
            {
                variables.Add(EnvironmentVariable.Literal("DOTNET_LAUNCH_PROFILE", profile.Name));
                variables.AddRange(profile.EnvironmentVariables
                    .Where(v => !variables.Any(existing => existing.Name == v.Key))
                    .Select(v => EnvironmentVariable.Literal(v.Key, System.Environment.ExpandEnvironmentVariables(v.Value))));
            }
        }
        else
        {
            variables.AddRange(PublishModeDefaults(project));
        }

        variables.AddRange(project.Environment);
        return variables;
    }

    private static IEnumerable<EnvironmentVariable> PublishModeDefaults(ProjectResource project)
    {
        if (project.HttpEndpoint is not null)
        {
            yield return EnvironmentVariable.Literal("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true");
            yield return EnvironmentVariable.Literal("HTTP_PORTS", $"{{{project.Name}.bindings.http.targetPort}}");
        }
    }

    private static IEnumerable<EnvironmentVariable> RunModeDefaults(ProjectResource project, IDistributedApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        if (development)
        {
            yield return EnvironmentVariable.Literal("OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION", "true");
            yield return EnvironmentVariable.Literal("OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION", "true");
        }

        if (OtlpEndpoint(builder.Configuration) is { } otlp)
        {
            yield return EnvironmentVariable.Literal("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.Endpoint);
            yield return EnvironmentVariable.Literal("OTEL_EXPORTER_OTLP_PROTOCOL", otlp.Protocol);
        }

        yield return EnvironmentVariable.Literal("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={project.InstanceId}");
        yield return EnvironmentVariable.Literal("OTEL_SERVICE_NAME", project.Name);

        if (OtlpEndpoint(builder.Configuration) is not null)
        {
            if (builder.Configuration[OtlpApiKeyKey] is { Length: > 0 } apiKey)
            {
                yield return EnvironmentVariable.Literal("OTEL_EXPORTER_OTLP_HEADERS", $"x-otlp-api-key={apiKey}");
            }

            if (development)
            {
                // Send telemetry within a second, and every trace, so a local collector shows it at once.
                yield return EnvironmentVariable.Literal("OTEL_BLRP_SCHEDULE_DELAY", "1000");
                yield return EnvironmentVariable.Literal("OTEL_BSP_SCHEDULE_DELAY", "1000");
                yield return EnvironmentVariable.Literal("OTEL_METRIC_EXPORT_INTERVAL", "1000");
                yield return EnvironmentVariable.Literal("OTEL_TRACES_SAMPLER", "always_on");
                yield return EnvironmentVariable.Literal("OTEL_METRICS_EXEMPLAR_FILTER", "trace_based");
            }
        }

        yield return EnvironmentVariable.Literal("DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION", "true");
        yield return EnvironmentVariable.Literal("LOGGING__CONSOLE__FORMATTERNAME", "simple");
        yield return EnvironmentVariable.Literal("LOGGING__CONSOLE__FORMATTEROPTIONS__TIMESTAMPFORMAT", "yyyy-MM-ddTHH:mm:ss.fffffff ");

        if (project.HttpEndpoint is { } endpoint)
        {
            yield return EnvironmentVariable.Literal("ASPNETCORE_URLS", endpoint.Url.ToString().TrimEnd('/'));
        }
    }

    /// <summary>Where children send telemetry: the configured OTLP/gRPC endpoint, else the OTLP/HTTP one, else none.</summary>
    internal static (string Endpoint, string Protocol)? OtlpEndpoint(IConfiguration configuration)
    {
        if (configuration[OtlpGrpcEndpointKey] is { Length: > 0 } grpc)
        {
            return (grpc, "grpc");
        }

        return configuration[OtlpHttpEndpointKey] is { Length: > 0 } http ? (http, "http/protobuf") : null;
    }
}
