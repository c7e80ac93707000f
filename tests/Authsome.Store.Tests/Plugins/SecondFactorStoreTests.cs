using Authsome.Store.Testing.Plugins;
using Authsome.Store.Tests.Memory;
using Authsome.Store.Tests.Mongo;
using Authsome.Store.Tests.Postgres;
using Authsome.Store.Tests.Sqlite;

namespace Authsome.Store.Tests.Plugins;

// The MFA and passkey plugins' sub-stores on every shipped backend.

public sealed class MemoryMfaStoreTests : MfaStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class SqliteMfaStoreTests(SqliteDatabaseFixture database) : MfaStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresMfaStoreTests(PostgresDatabaseFixture database) : MfaStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class MongoMfaStoreTests : MfaStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoMfaStoreTests), cancellationToken);
}

public sealed class MemoryPasskeyStoreTests : PasskeyStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => MemoryStoreFactory.CreateAsync(cancellationToken);
}

public sealed class SqlitePasskeyStoreTests(SqliteDatabaseFixture database) : PasskeyStoreConformanceTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class PostgresPasskeyStoreTests(PostgresDatabaseFixture database) : PasskeyStoreConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class MongoPasskeyStoreTests : PasskeyStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoPasskeyStoreTests), cancellationToken);
}
