using Npgsql;

namespace Authsome.Hosting.Tests;

public sealed class LocalPostgresClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private readonly LocalPostgresCluster _cluster = fixture.Cluster;

    [Fact]
    public async Task CanConnectAndSelectOne()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select 1", connection);

        Assert.Equal(1, await command.ExecuteScalarAsync(ct));
    }

    [Fact]
    public void ExposesWhereItRuns()
    {
        var builder = new NpgsqlConnectionStringBuilder(_cluster.ConnectionString);

        Assert.Equal("127.0.0.1", builder.Host);
        Assert.Equal(_cluster.Port, builder.Port);
        Assert.Equal("postgres", builder.Database);
        Assert.Equal("postgres", builder.Username);
        Assert.False(string.IsNullOrEmpty(builder.Password));
        Assert.True(File.Exists(Path.Combine(_cluster.BinDirectory, "initdb")));
        Assert.True(File.Exists(Path.Combine(_cluster.DataDirectory, "PG_VERSION")));
        Assert.StartsWith(Path.GetTempPath(), _cluster.DataDirectory, StringComparison.Ordinal);
        Assert.Matches("^[0-9]+$", _cluster.ServerVersion);
    }

    [Fact]
    public async Task RunsWithThrowAwaySettings()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dataSource = NpgsqlDataSource.Create(_cluster.ConnectionString);

        async Task<string?> Show(string setting)
        {
            await using var command = dataSource.CreateCommand($"show {setting}");
            return (string?)await command.ExecuteScalarAsync(ct);
        }

        Assert.Equal("127.0.0.1", await Show("listen_addresses"));
        Assert.Equal("300", await Show("max_connections"));
        Assert.Equal("off", await Show("fsync"));
        Assert.Equal("off", await Show("synchronous_commit"));
        Assert.Equal("off", await Show("full_page_writes"));
        Assert.Equal("UTF8", await Show("server_encoding"));
        Assert.Equal("scram-sha-256", await Show("password_encryption"));
    }

    [Fact]
    public async Task RejectsAWrongPassword()
    {
        var ct = TestContext.Current.CancellationToken;
        var wrong = new NpgsqlConnectionStringBuilder(_cluster.ConnectionString) { Password = "wrong", Pooling = false };
        await using var connection = new NpgsqlConnection(wrong.ConnectionString);

        var exception = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync(ct));

        Assert.Equal(PostgresErrorCodes.InvalidPassword, exception.SqlState);
    }

    [Fact]
    public async Task CreateDatabaseAsync_GivesSeparateUsableDatabases()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await _cluster.CreateDatabaseAsync("first_db", ct);
        var second = await _cluster.CreateDatabaseAsync("Second-DB", ct);

        await using (var one = NpgsqlDataSource.Create(first))
        {
            await using var create = one.CreateCommand("create table items (name text); insert into items values ('in first')");
            await create.ExecuteNonQueryAsync(ct);
            await using var read = one.CreateCommand("select current_database() || ':' || name from items");
            Assert.Equal("first_db:in first", await read.ExecuteScalarAsync(ct));
        }

        await using var two = NpgsqlDataSource.Create(second);
        await using var lookup = two.CreateCommand("select current_database(), to_regclass('items') is null");
        await using var reader = await lookup.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        Assert.Equal("Second-DB", reader.GetString(0));
        Assert.True(reader.GetBoolean(1)); // the first database's table is not here
    }

    [Fact]
    public async Task CreateDatabaseAsync_CanRunInParallel()
    {
        var ct = TestContext.Current.CancellationToken;

        var connectionStrings = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => _cluster.CreateDatabaseAsync($"parallel_{i}", ct)));

        foreach (var (connectionString, i) in connectionStrings.Select((c, i) => (c, i)))
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using var command = dataSource.CreateCommand("select current_database()");
            Assert.Equal($"parallel_{i}", await command.ExecuteScalarAsync(ct));
        }
    }

    [Fact]
    public async Task CreateDatabaseAsync_RejectsANameLongerThan63Bytes()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => _cluster.CreateDatabaseAsync(new string('a', 64), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CreateDatabaseAsync_FailsForAnExistingName()
    {
        var ct = TestContext.Current.CancellationToken;
        await _cluster.CreateDatabaseAsync("twice", ct);

        var exception = await Assert.ThrowsAsync<PostgresException>(() => _cluster.CreateDatabaseAsync("twice", ct));

        Assert.Equal(PostgresErrorCodes.DuplicateDatabase, exception.SqlState);
    }
}
