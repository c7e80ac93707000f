using Authsome.Store.Testing;

namespace Authsome.Store.Tests.Postgres;

/// <summary>
/// The hot paths' store calls that were folded into one statement stay one round trip on PostgreSQL, counted on the
/// wire (<see cref="RoundTripCountingProxy"/>): a transaction around them, or a second statement, would show.
/// </summary>
public sealed class PostgresRoundTripTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASessionWithItsUser_IsOneRoundTrip_ByAccessOrRefreshToken()
    {
        await using var proxy = await RoundTripCountingProxy.StartAsync(database.ConnectionString, Ct);
        var store = proxy.Store;
        var session = await TestSeeds.SessionAsync(store, Ct);

        Assert.Equal(1, await proxy.CountAsync(async () => Assert.NotNull(await store.Sessions.GetWithUserByTokenHashAsync(session.TokenHash, Ct))));
        Assert.Equal(1, await proxy.CountAsync(async () => Assert.NotNull(await store.Sessions.GetWithUserByRefreshTokenHashAsync(session.RefreshTokenHash, Ct))));
    }

    [Fact]
    public async Task ResettingFailuresAndCountingASuccess_IsOneRoundTrip()
    {
        await using var proxy = await RoundTripCountingProxy.StartAsync(database.ConnectionString, Ct);
        var store = proxy.Store;
        await store.Counters.IncrementAsync("failures:alice", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), Ct);

        var trips = await proxy.CountAsync(async () =>
            Assert.Equal(1, (await store.Counters.ResetAndIncrementAsync("failures:", "successes:alice", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), Ct)).Count));

        Assert.Equal(1, trips);
        Assert.Null(await store.Counters.GetAsync("failures:alice", DateTimeOffset.UtcNow, Ct));
    }

    [Fact]
    public async Task RotatingASessionsTokens_IsOneRoundTrip()
    {
        await using var proxy = await RoundTripCountingProxy.StartAsync(database.ConnectionString, Ct);
        var store = proxy.Store;
        var session = await TestSeeds.SessionAsync(store, Ct);
        var rotated = session with { TokenHash = TestData.NewSecretHash(), RefreshTokenHash = TestData.NewSecretHash() };

        // Every refresh makes it: the old refresh token recorded and both hashes swapped in one statement, no transaction.
        Assert.Equal(1, await proxy.CountAsync(async () => Assert.True(await store.Sessions.RotateAsync(rotated, session.RefreshTokenHash, Ct))));
        Assert.NotNull(await store.Sessions.GetByTokenHashAsync(rotated.TokenHash, Ct));
    }
}
