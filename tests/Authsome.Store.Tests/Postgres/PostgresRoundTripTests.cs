using System.Diagnostics;
using Authsome.Store.Testing;

namespace Authsome.Store.Tests.Postgres;

/// <summary>
/// The hot paths' store calls that were folded into one statement stay one round trip on PostgreSQL: each runs under a
/// test activity, and the commands Npgsql traces beneath it are counted (other classes' commands have other parents).
/// </summary>
public sealed class PostgresRoundTripTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    // Matched by name: comparing with the source itself would run its initializer inside the listener's own check.
    private const string TestSource = "Authsome.Store.Tests.RoundTrips";

    private static readonly ActivitySource Test = new(TestSource);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASessionWithItsUser_IsOneRoundTrip_ByAccessOrRefreshToken()
    {
        var store = await database.CreateStoreAsync();
        var session = await TestSeeds.SessionAsync(store, Ct);

        Assert.Equal(1, await RoundTripsAsync(async () => Assert.NotNull(await store.Sessions.GetWithUserByTokenHashAsync(session.TokenHash, Ct))));
        Assert.Equal(1, await RoundTripsAsync(async () => Assert.NotNull(await store.Sessions.GetWithUserByRefreshTokenHashAsync(session.RefreshTokenHash, Ct))));
    }

    [Fact]
    public async Task ResettingFailuresAndCountingASuccess_IsOneRoundTrip()
    {
        var store = await database.CreateStoreAsync();
        await store.Counters.IncrementAsync("failures:alice", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), Ct);

        var trips = await RoundTripsAsync(async () =>
            Assert.Equal(1, (await store.Counters.ResetAndIncrementAsync("failures:", "successes:alice", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), Ct)).Count));

        Assert.Equal(1, trips);
        Assert.Null(await store.Counters.GetAsync("failures:alice", DateTimeOffset.UtcNow, Ct));
    }

    private static async Task<int> RoundTripsAsync(Func<Task> call)
    {
        var commands = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or TestSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // By the parent's source, not its id: another class's commands, traced meanwhile as roots, must not count.
                if (activity.Source.Name == "Npgsql" && activity.Parent?.Source.Name == TestSource)
                {
                    Interlocked.Increment(ref commands);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var scope = Test.StartActivity("round trips") ?? throw new InvalidOperationException("The test's activity was not sampled.");
        await call();
        return commands;
    }
}
