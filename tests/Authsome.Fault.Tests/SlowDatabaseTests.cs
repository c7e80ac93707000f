using System.Diagnostics;
using System.Net;
using Authsome.Fault.Tests.Infrastructure;
using Authsome.Hosting;
using Npgsql;

namespace Authsome.Fault.Tests;

/// <summary>A database that stops answering (a table locked by another transaction): 503 within the configured bound, not a pile-up.</summary>
public sealed class SlowDatabaseTests
{
    [Fact]
    public async Task RequestsAnswer503WithinTheCommandTimeout_AndRecoverWhenTheDatabaseDoes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await LocalPostgresCluster.StartAsync(null, ct);
        var database = await cluster.CreateDatabaseAsync("fault_slow", ct);
        // The bound: Npgsql's command timeout, set in the connection string.
        await using var api = await ApiProcess.StartAsync("postgres", database + ";Command Timeout=2");
        using var http = api.CreateClient();
        var token = (await Traffic.SignUpAsync(http, Traffic.NewEmail(), ct))["session_token"]!.GetValue<string>();

        await using (var blocker = new NpgsqlConnection(database))
        {
            await blocker.OpenAsync(ct);
            await using var transaction = await blocker.BeginTransactionAsync(ct);
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE authsome_sessions IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            {
                await lockTable.ExecuteNonQueryAsync(ct);
            }

            var clock = Stopwatch.StartNew();
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            {
                using var response = await Probe.GetAsync(http, "/v1/auth/me", token);
                return response.StatusCode;
            }));
            clock.Stop();

            Assert.All(answers, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            await transaction.RollbackAsync(ct);
        }

        (await Probe.UntilAsync(http, "/v1/auth/me", HttpStatusCode.OK, TimeSpan.FromSeconds(10), token)).Dispose();
    }
}
