using System.Net;
using System.Text.Json;

namespace Authsome.ServiceDefaults.Tests;

public sealed class HealthEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readiness_Answers503Then200_WhenCheckFailsThenRecovers()
    {
        await using var host = await TestHost.StartAsync("Production");

        using (var up = await host.Client.GetAsync("/health", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        }

        host.Check.Healthy = false;
        using (var down = await host.Client.GetAsync("/health", Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync(Ct));
        }

        host.Check.Healthy = true;
        using var back = await host.Client.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("Healthy", await back.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Liveness_IgnoresReadinessChecks()
    {
        await using var host = await TestHost.StartAsync("Production");
        host.Check.Healthy = false;

        using var alive = await host.Client.GetAsync("/alive", Ct);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task HealthBody_IsStatusWordWithoutDetails_OutsideDevelopment()
    {
        await using var host = await TestHost.StartAsync("Production");
        host.Check.Healthy = false;

        using var response = await host.Client.GetAsync("/health", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("Unhealthy", body);
        Assert.DoesNotContain("secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("store", body, StringComparison.Ordinal);
        Assert.Contains("no-cache", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthBody_NamesEachCheck_InDevelopment()
    {
        await using var host = await TestHost.StartAsync("Development");
        host.Check.Healthy = false;

        using var response = await host.Client.GetAsync("/health", Ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", json.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("self").GetProperty("status").GetString());
    }

    [Fact]
    public async Task RequireHost_KeepsEndpointsOffOtherHosts()
    {
        await using var host = await TestHost.StartAsync("Production", new Dictionary<string, string?> { ["HealthChecks:RequireHost"] = "probe.internal, other.internal" });

        using (var wrongHost = await host.Client.GetAsync("/health", Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongHost.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/alive");
        request.Headers.Host = "probe.internal";
        using var rightHost = await host.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, rightHost.StatusCode);
    }
}
