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
    public async Task Activities_of_the_engine_drivers_and_host_are_recorded(string sourceName)
    {
        await using var host = await TestHost.StartAsync("Production");
        using var source = new ActivitySource(sourceName);

        using var activity = source.StartActivity("probe");

        Assert.NotNull(activity);
        Assert.True(activity.Recorded);
    }

    [Fact]
    public async Task Activities_of_unrelated_sources_are_not_recorded()
    {
        await using var host = await TestHost.StartAsync("Production");
        using var source = new ActivitySource("Someone.Else");

        using var activity = source.StartActivity("probe");

        Assert.Null(activity);
    }
}
