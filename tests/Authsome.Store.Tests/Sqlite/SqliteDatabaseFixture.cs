using Authsome.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace Authsome.Store.Tests.Sqlite;

/// <summary>A migrated SQLite database file in a fresh temporary folder for one test class; each test gets its own store over it.</summary>
public sealed class SqliteDatabaseFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("authsome-sqlite-").FullName;

    public string ConnectionString => $"Data Source={Path.Combine(Folder, "authsome.db")}";

    public async ValueTask InitializeAsync()
    {
        await using var store = new SqliteStore(ConnectionString);
        await store.MigrateAsync([], TestContext.Current.CancellationToken);
    }

    public ValueTask<IAuthsomeStore> CreateStoreAsync() => ValueTask.FromResult<IAuthsomeStore>(new SqliteStore(ConnectionString));

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them before removing the folder.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
