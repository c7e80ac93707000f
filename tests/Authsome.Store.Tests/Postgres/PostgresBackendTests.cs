using Authsome.Store.Postgres;
using Authsome.Store.Testing;
using Authsome.Store.Tests.Relational;
using Npgsql;

namespace Authsome.Store.Tests.Postgres;

public sealed class PostgresIntegrityTests(PostgresDatabaseFixture database) : RelationalIntegrityTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresIndexTests(PostgresDatabaseFixture database) : RelationalIndexTests, IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    // The planner chooses by statistics: give it a production-like shape (one app with many users and settings)
    // so that an unselective index (the app's) is not as good as the lookup's own. Every test seeds; only the first inserts.
    private const string Seed =
        """
        INSERT INTO authsome_apps (id, name, slug, publishable_key, created_at, updated_at) VALUES ('a', 'a', 'a', 'pk', now(), now()) ON CONFLICT DO NOTHING;
        INSERT INTO authsome_users (id, app_id, env_id, email, username, created_at, updated_at)
            SELECT 'u' || i, 'a', 'e', 'user' || i || '@example.com', 'user' || i, now(), now() FROM generate_series(1, 5000) AS i ON CONFLICT DO NOTHING;
        INSERT INTO authsome_settings (id, key, scope, scope_id, value, created_at, updated_at)
            SELECT 's' || i, 'k' || i, 'app', 'a', 'true', now(), now() FROM generate_series(1, 5000) AS i ON CONFLICT DO NOTHING;
        ANALYZE authsome_users;
        ANALYZE authsome_settings;
        """;

    public async ValueTask InitializeAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(Ct);
        await using var seed = new NpgsqlCommand(Seed, connection);
        await seed.ExecuteNonQueryAsync(Ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // With sequential scans priced out, the planner picks an index whenever one can serve the query; on the small
    // tables of a test it would otherwise scan, which says nothing about production.
    protected override async Task<string> PlanAsync(string query)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var off = new NpgsqlCommand("SET LOCAL enable_seqscan = off", connection, transaction))
        {
            await off.ExecuteNonQueryAsync(Ct);
        }

        await using var explain = new NpgsqlCommand($"EXPLAIN {query}", connection, transaction);
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}

/// <summary>How the PostgreSQL store is configured and how it fails when the server is away.</summary>
public sealed class PostgresStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void ConnectionString_GetsAutoPrepareAnApplicationNameAndNoResetOnClose_UnlessItSetsThem()
    {
        var defaults = PostgresConnectionString.Parse("Host=db.internal;Database=auth;Username=app");
        var own = PostgresConnectionString.Parse("Host=db.internal;Max Auto Prepare=0;Application Name=billing;No Reset On Close=false");

        Assert.Equal(PostgresConnectionString.DefaultMaxAutoPrepare, defaults.MaxAutoPrepare);
        Assert.Equal("authsome", defaults.ApplicationName);
        Assert.True(defaults.NoResetOnClose);
        Assert.Equal(0, own.MaxAutoPrepare);
        Assert.Equal("billing", own.ApplicationName);
        Assert.False(own.NoResetOnClose);
    }

    [Fact]
    public void ConnectionString_AcceptsAPostgresUrl()
    {
        var builder = PostgresConnectionString.Parse("postgres://auth%40svc:p%3Ass%2Fw@db.example.com:6543/authsome?sslmode=require&Timeout=5");

        Assert.Equal("db.example.com", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("auth@svc", builder.Username);
        Assert.Equal("p:ss/w", builder.Password);
        Assert.Equal("authsome", builder.Database);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal(5, builder.Timeout);
        Assert.Equal(PostgresConnectionString.DefaultMaxAutoPrepare, builder.MaxAutoPrepare);
    }

    [Fact]
    public void ConnectionString_RejectsABrokenUrl_WithoutEchoingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresConnectionString.Parse("postgres://user:secret-password@/"));

        Assert.DoesNotContain("secret-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multiplexing_IsRefused_InAConnectionStringOrACallersDataSource()
    {
        Assert.Contains("Multiplexing", Assert.Throws<ArgumentException>(() => PostgresConnectionString.Parse("Host=db.internal;Multiplexing=true")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PostgresStore("postgres://app:secret@db.internal/auth?Multiplexing=true"));
        await using var dataSource = NpgsqlDataSource.Create("Host=db.internal;Username=app;Multiplexing=true");
        Assert.Throws<ArgumentException>(() => new PostgresStore(dataSource));
        PostgresConnectionString.Parse("Host=db.internal;Multiplexing=false");
    }

    [Fact]
    public async Task AnUnreachableServer_IsStoreUnavailable_ForPingReadsAndWrites()
    {
        // Port 1 on the loopback refuses connections at once.
        await using var store = new PostgresStore("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.PingAsync(Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(async () => await store.Sessions.GetByTokenHashAsync(TestData.NewSecretHash(), Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(async () => await store.Apps.CreateAsync(TestData.NewApp(), Ct));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.MigrateAsync([], Ct));
    }

    [Fact]
    public async Task AStoreOverACallersDataSource_LeavesItOpen()
    {
        var connectionString = await Authsome.Hosting.TestPostgresServer.GetConnectionStringAsync(Ct);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        await using (var store = new PostgresStore(dataSource))
        {
            Assert.Same(dataSource, store.DataSource);
            await store.PingAsync(Ct);
        }

        await using var connection = await dataSource.OpenConnectionAsync(Ct);
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }
}
