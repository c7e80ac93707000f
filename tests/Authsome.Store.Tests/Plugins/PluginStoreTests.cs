using Authsome.Plugins.Password.History;
using Authsome.Store.Memory;
using Authsome.Store.Plugins;
using Authsome.Store.Sqlite;
using Authsome.Store.Testing;
using Authsome.Store.Tests.Mongo;
using Authsome.Store.Tests.Postgres;
using Authsome.Store.Tests.Sqlite;

namespace Authsome.Store.Tests.Plugins;

/// <summary>
/// The extension point itself, through a third-party-style plugin (<see cref="ProbePlugin"/>): its statements run on
/// the store's own connections and write path and keep the store's error contract, on every backend.
/// </summary>
public abstract class PluginStoreTests : StoreConformanceTests
{
    private IProbeStore Probes => Store.GetPluginStore(ProbePlugin.Definition);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.MigrateAsync([ProbePlugin.Group], Ct);
    }

    [Fact]
    public async Task APluginWriteThatBreaksAUniqueRuleIsAConflict()
    {
        var user = await GivenUserAsync();
        var name = TestData.Unique("probe-");
        await Probes.AddAsync(name, user.Id, Ct);

        var conflict = await Assert.ThrowsAsync<StoreConflictException>(() => Probes.AddAsync(name, user.Id, Ct));

        Assert.Equal(ConflictKind.Duplicate, conflict.Kind);
        Assert.Equal("probe", conflict.Entity);
    }

    [Fact]
    public void TheStoreBuildsThePluginStoreOnce()
    {
        Assert.Same(Probes, Store.GetPluginStore(ProbePlugin.Definition));
    }
}

/// <summary>The relational backends also enforce the plugin's foreign keys and cascades.</summary>
public abstract class RelationalPluginStoreTests : PluginStoreTests
{
    [Fact]
    public async Task APluginRowOfAnUnknownUserIsAMissingReference()
    {
        var probes = Store.GetPluginStore(ProbePlugin.Definition);

        var conflict = await Assert.ThrowsAsync<StoreConflictException>(() => probes.AddAsync(TestData.Unique("probe-"), Id<User>.New(), Ct));

        Assert.Equal(ConflictKind.MissingReference, conflict.Kind);
    }

    [Fact]
    public async Task PluginRowsGoWithTheirUsersApp()
    {
        var probes = Store.GetPluginStore(ProbePlugin.Definition);
        var tenant = await GivenTenantAsync();
        var user = await GivenUserAsync(tenant);
        await probes.AddAsync(TestData.Unique("probe-"), user.Id, Ct);
        var before = await probes.CountAsync(Ct);

        await Store.Apps.DeleteAsync(tenant.App.Id, Ct);

        Assert.Equal(before - 1, await probes.CountAsync(Ct));
    }
}

public sealed class SqlitePluginStoreTests(SqliteDatabaseFixture database) : RelationalPluginStoreTests, IClassFixture<SqliteDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class SqliteInMemoryPluginStoreTests : RelationalPluginStoreTests
{
    protected override async ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken)
    {
        var store = new SqliteStore("Data Source=:memory:");
        await store.MigrateAsync([], cancellationToken);
        return store;
    }
}

public sealed class PostgresPluginStoreTests(PostgresDatabaseFixture database) : RelationalPluginStoreTests, IClassFixture<PostgresDatabaseFixture>
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) => database.CreateStoreAsync();
}

public sealed class MongoPluginStoreTests : PluginStoreTests
{
    protected override ValueTask<IAuthsomeStore> CreateStoreAsync(CancellationToken cancellationToken) =>
        MongoTestServer.CreateMigratedStoreAsync(nameof(MongoPluginStoreTests), cancellationToken);
}

/// <summary>What happens when a store cannot provide a plugin's sub-store, and how a custom store provides one.</summary>
public sealed class PluginStoreResolutionTests
{
    [Fact]
    public async Task AShippedStoreRefusesAPluginWithoutAnImplementationForItNamingThePlugin()
    {
        await using var store = new MemoryStore();

        var error = Assert.Throws<InvalidOperationException>(() => store.GetPluginStore(ProbePlugin.Definition));

        Assert.Contains("probe plugin", error.Message, StringComparison.Ordinal);
        Assert.Contains("in-memory", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IProbeStore), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomStoreWithoutThePluginsInterfaceIsRefusedNamingThePluginAndTheInterface()
    {
        await using var store = new DelegatingStore(new MemoryStore());

        var error = Assert.Throws<InvalidOperationException>(() => store.GetPluginStore(PasswordHistoryStore.Definition));

        Assert.Contains("password plugin", error.Message, StringComparison.Ordinal);
        Assert.Contains(typeof(IPasswordHistoryStore).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DelegatingStore), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomStoreThatImplementsThePluginsInterfaceIsItsOwnSubStore()
    {
        await using var store = new HistoryKeepingStore(new MemoryStore());

        Assert.Same(store, store.GetPluginStore(PasswordHistoryStore.Definition));
    }
}
