using Authsome.Store.Testing;

namespace Authsome.Store.Tests.Mongo;

// The MongoDB backend against the whole conformance suite. Each class works in its own database (migrated once);
// every test gets a new MongoStore over it.

public sealed class MongoUserStoreTests : UserStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoUserStoreTests), cancellationToken);
}

public sealed class MongoSessionStoreTests : SessionStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoSessionStoreTests), cancellationToken);
}

// The same suite with transactions off, as on a standalone server: rotation then relies on the revoked-token insert
// alone, and cascades on their children-first order.

public sealed class MongoStandaloneSessionStoreTests : SessionStoreConformanceTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoStandaloneSessionStoreTests), cancellationToken, MongoTestServer.Standalone);
}
