using Authsome.Store.Migrations;
using Authsome.Store.Sqlite;
using Authsome.Store.Tests.Relational;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Authsome.Store.Tests.Sqlite;

/// <summary>The relational migration behaviour on SQLite, each test on a fresh database file; plus the lock across processes.</summary>
public sealed class SqliteMigrationTests : RelationalMigrationTests, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("authsome-sqlite-migrations-").FullName;

    private string ConnectionString => $"Data Source={Path.Combine(folder, "authsome.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Migrate_WaitsForAWriterInAnotherProcess_ThenApplies()
    {
        // A raw connection stands in for another process: it does not share this process's write gate, only the
        // file's lock, which is what a second migrator started together would contend on.
        await using (var setup = OpenStore())
        {
            await setup.PingAsync(Ct);
        }

        await using var other = new SqliteConnection(ConnectionString);
        await other.OpenAsync(Ct);
        var holding = other.BeginTransaction(deferred: false);
        await using var store = new SqliteStore(ConnectionString, TimeSpan.FromMilliseconds(200));

        var run = store.MigrateAsync([], Ct);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.False(run.IsCompleted);

        await holding.CommitAsync(Ct);
        Assert.NotEmpty(await run.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.True(await TableExistsAsync("authsome_apps"));
    }

    protected override IAuthsomeStore OpenStore() => new SqliteStore(ConnectionString);

    protected override IMigrationDriver OpenDriver() =>
        new SqliteMigrationDriver(new SqliteDatabase(ConnectionString, TimeSpan.FromSeconds(30)), TimeProvider.System, NullLogger.Instance);

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    protected override async Task<bool> TableExistsAsync(string table)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (long)(await command.ExecuteScalarAsync(Ct))! > 0;
    }
}
