using System.Net;
using Authsome.Fault.Tests.Infrastructure;
using Authsome.Hosting;

namespace Authsome.Fault.Tests;

/// <summary><c>kill -9</c> of the API in the middle of a sign-up and refresh storm: after a restart the data is consistent.</summary>
public sealed class CrashTests
{
    [Fact]
    public async Task KillingTheApiMidStormLeavesConsistentRows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await LocalPostgresCluster.StartAsync(null, ct);
        var database = await cluster.CreateDatabaseAsync("fault_crash", ct);
        var api = await ApiProcess.StartAsync("postgres", database);
        Traffic traffic;
        using (var http = api.CreateClient(TimeSpan.FromSeconds(10)))
        {
            var me = await Traffic.SignUpAsync(http, Traffic.NewEmail(), ct);
            var refreshing = await Traffic.SignUpAsync(http, Traffic.NewEmail(), ct);
            traffic = new Traffic(http, me["session_token"]!.GetValue<string>(), refreshing["refresh_token"]!.GetValue<string>());
            traffic.Start(workersPerRoute: 3);
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            await api.KillAsync();
            await traffic.StopAsync();
        }

        await api.DisposeAsync();
        Assert.Contains(traffic.Answers, a => a.Status == "201");
        await using var restarted = await ApiProcess.StartAsync("postgres", database);
        using var client = restarted.CreateClient();
        (await Probe.UntilAsync(client, "/health", HttpStatusCode.OK, TimeSpan.FromSeconds(30))).Dispose();

        await Consistency.AssertPostgresAsync(database, traffic.SignedUp, ct);
        // A sign-up cut short can be made again: the address is either free or answers like any taken one.
        foreach (var email in traffic.NotSignedUp.Take(5))
        {
            await Traffic.SignUpAsync(client, email, ct);
        }
    }
}
