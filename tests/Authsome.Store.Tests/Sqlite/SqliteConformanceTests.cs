using Authsome.Store.Testing;

namespace Authsome.Store.Tests.Sqlite;

// The SQLite backend against the whole conformance suite: each class on its own database file in a temporary folder.

public sealed class SqliteUserStoreTests(SqliteDatabaseFixture database) : UserStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteSessionStoreTests(SqliteDatabaseFixture database) : SessionStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}
