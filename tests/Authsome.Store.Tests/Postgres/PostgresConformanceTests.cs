using Authsome.Store.Testing;

namespace Authsome.Store.Tests.Postgres;

// The PostgreSQL backend against the whole conformance suite: each class on its own migrated database.

public sealed class PostgresUserStoreTests(PostgresDatabaseFixture database) : UserStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresSessionStoreTests(PostgresDatabaseFixture database) : SessionStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}
