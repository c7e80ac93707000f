using System.Net;
using Authsome.Fault.Tests.Infrastructure;
using Authsome.Hosting;

namespace Authsome.Fault.Tests;

/// <summary>PostgreSQL stopped and started again under traffic, on a cluster of this test's own.</summary>
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task OutageAnswers503WithRetryAfterAndRecoversWithoutRestartingTheApi()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await LocalPostgresCluster.StartAsync(null, ct);
        var connectionString = await cluster.CreateDatabaseAsync("fault_outage", ct) + ";Timeout=3;Command Timeout=5";
        await using var api = await ApiProcess.StartAsync("postgres", connectionString);
        using var http = api.CreateClient();
        var signedUp = await Traffic.SignUpAsync(http, Traffic.NewEmail(), ct);
        var token = signedUp["session_token"]!.GetValue<string>();
        // Refreshing rotates the access token too, so the refresh traffic runs on another user's session.
        var refreshing = await Traffic.SignUpAsync(http, Traffic.NewEmail(), ct);
        var traffic = new Traffic(http, token, refreshing["refresh_token"]!.GetValue<string>());
        traffic.Start();
        await Task.Delay(TimeSpan.FromSeconds(1), ct);

        await cluster.StopAsync(ct);
        using (var me = await Probe.UntilAsync(http, "/v1/auth/me", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20), token))
        {
            Assert.NotNull(me.Headers.RetryAfter);
            Assert.Empty(me.Headers.WwwAuthenticate);
        }

        (await Probe.UntilAsync(http, "/health", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20))).Dispose();
        await Task.Delay(TimeSpan.FromSeconds(2), ct);

        await cluster.RestartAsync(ct);
        (await Probe.UntilAsync(http, "/health", HttpStatusCode.OK, TimeSpan.FromSeconds(30))).Dispose();
        (await Probe.UntilAsync(http, "/v1/auth/me", HttpStatusCode.OK, TimeSpan.FromSeconds(30), token)).Dispose();
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        await traffic.StopAsync();

        // The token was never refused: while down every answer is 503, never 401 and never another 5xx.
        var summary = traffic.Summary();
        Assert.Contains(traffic.Answers, a => a.Status == "503");
        Assert.All(traffic.Answers, a => Assert.True(a.Status is "200" or "201" or "503", $"{a.Route} answered {a.Status}: {summary}"));
        await Consistency.AssertPostgresAsync(connectionString, traffic.SignedUp, ct);
    }
}
