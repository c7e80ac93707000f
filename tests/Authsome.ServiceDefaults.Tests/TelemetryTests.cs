using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace Authsome.ServiceDefaults.Tests;

public sealed class TelemetryTests
{
    // An OTLP endpoint where nothing listens: the exporter's failed sends are its own business, off the request path.
    private static readonly Dictionary<string, string?> Exporting = new() { [TelemetryExtensions.OtlpEndpointKey] = "http://127.0.0.1:9" };

    [Theory]
    [InlineData(TelemetrySources.Authsome)]
    [InlineData(TelemetrySources.Npgsql)]
    [InlineData(TelemetrySources.MongoDriver)]
    [InlineData("Authsome.ServiceDefaults.Tests")]
    public async Task Tracing_RecordsActivitiesOfEngineDriversAndHost(string sourceName)
    {
        await using var host = await TestHost.StartAsync("Production", Exporting);
        using var source = new ActivitySource(sourceName);

        using var activity = source.StartActivity("probe");

        Assert.NotNull(activity);
        Assert.True(activity.Recorded);
    }

    [Theory]
    [InlineData(TelemetrySources.Authsome)]
    [InlineData(TelemetrySources.Npgsql)]
    [InlineData("Authsome.ServiceDefaults.Tests")]
    public async Task Tracing_StartsNoActivity_WhenNoExporterIsConfigured(string sourceName)
    {
        await using var host = await TestHost.StartAsync("Production");
        using var source = new ActivitySource(sourceName);

        using var activity = source.StartActivity("probe");

        Assert.Null(activity);
    }

    [Fact]
    public async Task Tracing_IgnoresActivitiesOfUnrelatedSources()
    {
        await using var host = await TestHost.StartAsync("Production", Exporting);
        using var source = new ActivitySource("Someone.Else");

        using var activity = source.StartActivity("probe");

        Assert.Null(activity);
    }
}
