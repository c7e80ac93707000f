using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace Authsome.ServiceDefaults.Tests;

public sealed class TelemetryTests
{
    [Theory]
    [InlineData(TelemetrySources.Authsome)]
    [InlineData(TelemetrySources.Npgsql)]
    [InlineData(TelemetrySources.MongoDriver)]
    [InlineData("Authsome.ServiceDefaults.Tests")]
    public async Task Tracing_RecordsActivitiesOfEngineDriversAndHost(string sourceName)
    {
        await using var host = await TestHost.StartAsync("Production");
        using var source = new ActivitySource(sourceName);

        using var activity = source.StartActivity("probe");

        Assert.NotNull(activity);
        Assert.True(activity.Recorded);
    }

    [Fact]
    public async Task Tracing_IgnoresActivitiesOfUnrelatedSources()
    {
        await using var host = await TestHost.StartAsync("Production");
        using var source = new ActivitySource("Someone.Else");

        using var activity = source.StartActivity("probe");

        Assert.Null(activity);
    }
}
