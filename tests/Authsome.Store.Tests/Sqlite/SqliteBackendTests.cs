using Authsome.Store.Sqlite;
using Authsome.Store.Testing;
using Authsome.Store.Tests.Relational;
using Microsoft.Data.Sqlite;

namespace Authsome.Store.Tests.Sqlite;

public sealed class SqliteIntegrityTests(SqliteDatabaseFixture database) : RelationalIntegrityTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteIndexTests(SqliteDatabaseFixture database) : RelationalIndexTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override async Task<string> PlanAsync(string query)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var explain = connection.CreateCommand();
        explain.CommandText = $"EXPLAIN QUERY PLAN {query}";
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        var lines = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return string.Join('\n', lines);
    }
}

/// <summary>How the SQLite store opens its file.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("authsome-sqlite-store-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Open_CreatesTheFolder_AndRunsTheFileInWalModeWithForeignKeys()
    {
        var path = Path.Combine(folder, "nested", "data", "authsome.db");
        await using var store = new SqliteStore($"Data Source={path}");
        await store.MigrateAsync([], Ct);

        Assert.Equal(path, store.DatabasePath);
        Assert.True(File.Exists(path));
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct));
        await StoreAssert.ConflictAsync(ConflictKind.MissingReference, () => store.Users.CreateAsync(TestData.NewUser(Id<App>.New(), Id<AppEnvironment>.New()), Ct));
    }

    [Fact]
    public async Task Timestamps_AreStoredAsUnixMilliseconds()
    {
        var path = Path.Combine(folder, "authsome.db");
        await using var store = new SqliteStore($"Data Source={path}");
        await store.MigrateAsync([], Ct);
        var app = TestData.NewApp() with { CreatedAt = new DateTimeOffset(2031, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(2)) };
        await store.Apps.CreateAsync(app, Ct);

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT created_at FROM authsome_apps";
        Assert.Equal(app.CreatedAt.ToUnixTimeMilliseconds(), await command.ExecuteScalarAsync(Ct));
        Assert.Equal(app.CreatedAt, (await store.Apps.GetAsync(app.Id, Ct))!.CreatedAt);
    }

    [Fact]
    public async Task AnInMemoryDatabase_LivesAsLongAsItsStore_AndIsItsOwn()
    {
        await using var first = new SqliteStore("Data Source=:memory:");
        await using var second = new SqliteStore("Data Source=:memory:");
        await first.MigrateAsync([], Ct);
        await second.MigrateAsync([], Ct);
        var app = TestData.NewApp();

        await first.Apps.CreateAsync(app, Ct);

        Assert.NotNull(await first.Apps.GetAsync(app.Id, Ct));
        Assert.Null(await second.Apps.GetAsync(app.Id, Ct));
    }

    [Fact]
    public void AConnectionStringWithoutADataSource_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new SqliteStore("Mode=ReadWriteCreate"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteStore($"Data Source={Path.Combine(folder, "x.db")}", TimeSpan.FromSeconds(-1)));
    }
}
