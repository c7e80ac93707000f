using System.Diagnostics;
using Authsome.Store.Migrations;
using Authsome.Store.Mongo;
using Authsome.Store.Testing;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Store.Tests.Mongo;

/// <summary>Migrations on MongoDB: the orchestrator's rules over the Mongo driver, the lease lock, and what the core group creates.</summary>
public sealed class MongoMigrationTests
{
    private static readonly int CoreCount = MongoCoreMigrations.Group.Migrations.Count;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_OnAFreshDatabase_CreatesEveryCollectionAndRecordsTheCoreGroup()
    {
        await using var store = MongoTestServer.CreateStore(Fresh());

        var applied = await store.MigrateAsync([], Ct);

        Assert.Equal(MongoCoreMigrations.Group.Migrations.Select(m => m.Version), applied.Select(m => m.Version));
        Assert.All(applied, m => Assert.Equal(MigrationGroup.CoreName, m.Group));
        var collections = await (await store.Database.ListCollectionNamesAsync(cancellationToken: Ct)).ToListAsync(Ct);
        foreach (var name in ExpectedCollections)
        {
            Assert.Contains(name, collections);
        }

        var history = await store.Database.GetCollection<BsonDocument>("authsome_migrations").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync(Ct);
        Assert.Equal(applied.Select(m => $"authsome:{m.Version}").Order(StringComparer.Ordinal), history.Select(r => r["_id"].AsString).Order(StringComparer.Ordinal));
        Assert.All(history, record => Assert.Equal(BsonType.DateTime, record["applied_at"].BsonType));
    }

    [Fact]
    public async Task Migrate_CreatesTheUniquePartialAndTtlIndexes()
    {
        await using var store = MongoTestServer.CreateStore(Fresh());
        await store.MigrateAsync([], Ct);

        var users = await IndexesAsync(store, "authsome_users");
        Assert.True(users["users_email_unique"]["unique"].ToBoolean());
        Assert.Equal(new BsonDocument { { "app_id", 1 }, { "env_id", 1 }, { "email", 1 } }, users["users_email_unique"]["key"].AsBsonDocument);
        Assert.Equal(BsonDocument.Parse("""{ "deleted_at": { "$type": "null" } }"""), users["users_email_unique"]["partialFilterExpression"].AsBsonDocument);
        Assert.Equal(
            BsonDocument.Parse("""{ "deleted_at": { "$type": "null" }, "phone": { "$type": "string" } }"""),
            users["users_phone_unique"]["partialFilterExpression"].AsBsonDocument);

        var sessions = await IndexesAsync(store, "authsome_sessions");
        Assert.True(sessions["sessions_token_hash_unique"]["unique"].ToBoolean());
        Assert.True(sessions["sessions_refresh_token_hash_unique"]["unique"].ToBoolean());
        var ttl = sessions["sessions_refresh_expiry_ttl"];
        Assert.Equal(new BsonDocument("refresh_token_expires_at", 1), ttl["key"].AsBsonDocument);
        Assert.Equal(0, ttl["expireAfterSeconds"].ToInt32());

        var keys = await IndexesAsync(store, "authsome_api_keys");
        Assert.Equal(new BsonDocument { { "app_id", 1 }, { "key_prefix", 1 } }, keys["api_keys_prefix_unique"]["key"].AsBsonDocument);
        Assert.True(keys["api_keys_key_hash_unique"]["unique"].ToBoolean());
    }

    [Fact]
    public async Task Migrate_AgainIsANoOp()
    {
        await using var store = MongoTestServer.CreateStore(Fresh());
        await store.MigrateAsync([PluginGroup()], Ct);

        var again = await store.MigrateAsync([PluginGroup()], Ct);

        Assert.Empty(again);
        Assert.True((await store.GetMigrationStatusAsync([PluginGroup()], Ct)).IsUpToDate);
    }

    [Fact]
    public async Task Migrate_TwoConcurrentRuns_ApplyEachMigrationOnce()
    {
        var database = Fresh();
        await using var first = MongoTestServer.CreateStore(database, Fast);
        await using var second = MongoTestServer.CreateStore(database, Fast);

        var runs = await Task.WhenAll(
            Task.Run(() => first.MigrateAsync([PluginGroup()], Ct), Ct),
            Task.Run(() => second.MigrateAsync([PluginGroup()], Ct), Ct));

        Assert.Equal(CoreCount + 1, runs.Sum(r => r.Count));
        Assert.Equal(
            [.. Enumerable.Repeat("authsome", CoreCount), "authsome-test"],
            runs.SelectMany(r => r).Select(m => m.Group).Order(StringComparer.Ordinal));
        Assert.Equal(CoreCount + 1, await first.Database.GetCollection<BsonDocument>("authsome_migrations").CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: Ct));
    }

    [Fact]
    public async Task Migrate_TakesOverALockWhoseLeaseExpired()
    {
        await using var store = MongoTestServer.CreateStore(Fresh(), Fast);
        await SeedLockAsync(store, "crashed-host/4242/dead", DateTime.UtcNow.AddMinutes(-5));

        var stopwatch = Stopwatch.StartNew();
        var applied = await store.MigrateAsync([], Ct);

        Assert.Equal(CoreCount, applied.Count);
        // Well under the 60 s lease a live holder would keep: the stale lock was taken over, not waited out (the bound covers applying the core group on a loaded machine).
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"Took {stopwatch.Elapsed} to take over a stale lock.");
        var released = await LockAsync(store);
        Assert.Equal(BsonNull.Value, released["owner"]);
    }

    [Fact]
    public async Task Migrate_WaitsForALiveLease_ThenTakesOverWhenItRunsOut()
    {
        await using var store = MongoTestServer.CreateStore(Fresh(), Fast);
        var leaseEnd = DateTime.UtcNow.AddSeconds(3);
        await SeedLockAsync(store, "busy-host/1/alive", leaseEnd);

        var applied = await store.MigrateAsync([], Ct);

        Assert.Equal(CoreCount, applied.Count);
        Assert.True(DateTime.UtcNow >= leaseEnd, "The run must not start before the other migrator's lease ran out.");
    }

    [Fact]
    public async Task Migrate_IsCancelled_WhileWaitingForALiveLease()
    {
        await using var store = MongoTestServer.CreateStore(Fresh(), Fast);
        await SeedLockAsync(store, "busy-host/1/alive", DateTime.UtcNow.AddMinutes(5));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.MigrateAsync([], timeout.Token));

        Assert.False((await store.GetMigrationStatusAsync([], Ct)).IsUpToDate);
    }

    [Fact]
    public async Task Lock_RenewsItsLease_WhileHeld_AndAnotherMigratorWaits()
    {
        await using var store = MongoTestServer.CreateStore(Fresh());
        var settings = new MongoStoreSettings { LockLease = TimeSpan.FromMilliseconds(900), LockPollInterval = TimeSpan.FromMilliseconds(100) };
        var context = new MongoContext(MongoTestServer.Client, store.Database, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, settings);
        await new MongoMigrationDriver(context, settings).EnsureHistoryAsync(Ct);

        await using (var held = await MongoMigrationLock.AcquireAsync(context, settings, Ct))
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);

            Assert.False(held.IsLost);
            Assert.True((await LockAsync(store))["expires_at"].ToUniversalTime() > DateTime.UtcNow, "The lease must have been renewed.");
            using var shortWait = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            shortWait.CancelAfter(TimeSpan.FromMilliseconds(700));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MongoMigrationLock.AcquireAsync(context, settings, shortWait.Token));
        }

        await using var next = await MongoMigrationLock.AcquireAsync(context, settings, Ct);
        Assert.False(next.IsLost);
    }

    [Fact]
    public async Task Lock_IsLost_WhenAnotherMigratorTookItOver()
    {
        await using var store = MongoTestServer.CreateStore(Fresh());
        var settings = new MongoStoreSettings { LockLease = TimeSpan.FromMilliseconds(600), LockPollInterval = TimeSpan.FromMilliseconds(100) };
        var context = new MongoContext(MongoTestServer.Client, store.Database, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, settings);
        await new MongoMigrationDriver(context, settings).EnsureHistoryAsync(Ct);
        await using var held = await MongoMigrationLock.AcquireAsync(context, settings, Ct);

        await SeedLockAsync(store, "usurper/1/x", DateTime.UtcNow.AddMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        Assert.True(held.IsLost);
        Assert.Equal("usurper/1/x", (await LockAsync(store))["owner"].AsString);
    }

    [Fact]
    public async Task Migrate_ReportsAnAppliedMigrationThatWasEdited_AndAppliesNothing()
    {
        await using var store = MongoTestServer.CreateStore(Fresh());
        await store.MigrateAsync([PluginGroup()], Ct);
        var edited = new MigrationGroup("authsome-test", [MigrationGroup.CoreName],
        [
            new Migration(20260201000000, "widgets", new MongoMigrationScript(
                MongoMigrationStep.CreateCollection("authsome_test_widgets"),
                MongoMigrationStep.CreateIndex("authsome_test_widgets", new MongoIndex("widgets_name_unique", "name") { Unique = true }))),
            new Migration(20260202000000, "gadgets", new MongoMigrationScript(MongoMigrationStep.CreateCollection("authsome_test_gadgets"))),
        ]);

        var error = await Assert.ThrowsAsync<MigrationException>(() => store.MigrateAsync([edited], Ct));

        Assert.Equal("authsome-test", error.Group);
        Assert.Equal(20260201000000, error.Version);
        Assert.DoesNotContain("authsome_test_gadgets", await (await store.Database.ListCollectionNamesAsync(cancellationToken: Ct)).ToListAsync(Ct));
    }

    [Fact]
    public async Task OrganizationRoles_MovesCustomRolesStoredWithAnOrganizationPrefix_AndScopesSlugsPerOrganization()
    {
        const long OrganizationRoles = 20261130094500;
        await using var store = MongoTestServer.CreateStore(Fresh());
        await store.MigrateAsync([], Ct);

        // Back to the schema before the migration: the per-app slug index, roles without org_id, and no record of it.
        var roles = store.Database.GetCollection<BsonDocument>("authsome_roles");
        await roles.Indexes.DropOneAsync("roles_app_org_slug_unique", Ct);
        await roles.Indexes.DropOneAsync("roles_org", Ct);
        await roles.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument { { "app_id", 1 }, { "slug", 1 } }, new CreateIndexOptions { Name = "roles_slug_unique", Unique = true }), cancellationToken: Ct);
        await store.Database.GetCollection<BsonDocument>("authsome_migrations").DeleteOneAsync(new BsonDocument("_id", $"authsome:{OrganizationRoles}"), Ct);
        var app = TestData.NewApp();
        var organization = TestData.NewOrganization(app.Id, Id<User>.New());
        await store.Organizations.CreateAsync(organization, Ct);
        var (appWide, custom) = (Id<Role>.New(), Id<Role>.New());
        await roles.InsertManyAsync([OldRole(appWide, app.Id, "admin"), OldRole(custom, app.Id, $"{organization.Id}:billing")], cancellationToken: Ct);

        var applied = await store.MigrateAsync([], Ct);

        Assert.Equal([OrganizationRoles], applied.Select(m => m.Version));
        var moved = await store.Roles.GetBySlugAsync(organization.Id, "billing", Ct);
        Assert.Equal((custom, organization.Id), (moved!.Id, moved.OrgId));
        var kept = await store.Roles.GetBySlugAsync(app.Id, "admin", Ct);
        Assert.Equal((appWide, (Id<Organization>?)null), (kept!.Id, kept.OrgId));
        var indexes = await IndexesAsync(store, "authsome_roles");
        Assert.DoesNotContain("roles_slug_unique", indexes.Keys);
        await store.Roles.CreateAsync(TestData.NewRole(app.Id) with { Slug = "billing" }, Ct);
        await Assert.ThrowsAsync<StoreConflictException>(async () => await store.Roles.CreateAsync(TestData.NewRole(app.Id) with { OrgId = organization.Id, Slug = "billing" }, Ct));
    }

    [Fact]
    public async Task Status_ListsPendingMigrations_WithoutApplyingAnything()
    {
        await using var store = MongoTestServer.CreateStore(Fresh());

        var status = await store.GetMigrationStatusAsync([PluginGroup()], Ct);

        Assert.False(status.IsUpToDate);
        Assert.Equal(["authsome", "authsome-test"], status.Pending.Select(m => m.Group).Distinct());
        Assert.Empty(status.Unknown);
        Assert.Empty(await (await store.Database.ListCollectionNamesAsync(cancellationToken: Ct)).ToListAsync(Ct));

        await store.MigrateAsync([PluginGroup()], Ct);
        var after = await store.GetMigrationStatusAsync([], Ct);
        Assert.True(after.IsUpToDate);
        Assert.Equal("authsome-test", Assert.Single(after.Unknown).Group);
    }

    [Fact]
    public async Task Migrate_AFailingMigration_LeavesNothingBehind_AndIsRetriedWhole()
    {
        await using var store = MongoTestServer.CreateStore(Fresh());
        await store.MigrateAsync([], Ct);
        var failing = new MigrationGroup("authsome-test", [MigrationGroup.CoreName],
        [
            new Migration(20260301000000, "broken", new MongoMigrationScript(
                MongoMigrationStep.CreateCollection("authsome_test_broken"),
                MongoMigrationStep.CreateIndex("authsome_test_broken", new MongoIndex("broken_name", "name")),
                MongoMigrationStep.CreateIndex("authsome_users", new MongoIndex("users_extra_index", "name")),
                MongoMigrationStep.RunCommand("""{ "noSuchCommand": 1 }"""))),
        ]);

        var error = await Assert.ThrowsAsync<MigrationException>(() => store.MigrateAsync([failing], Ct));

        Assert.Equal(20260301000000, error.Version);
        Assert.DoesNotContain("authsome_test_broken", await (await store.Database.ListCollectionNamesAsync(cancellationToken: Ct)).ToListAsync(Ct));
        Assert.DoesNotContain("users_extra_index", (await IndexesAsync(store, "authsome_users")).Keys);
        Assert.False((await store.GetMigrationStatusAsync([failing], Ct)).IsUpToDate);
        Assert.Equal(CoreCount, await store.Database.GetCollection<BsonDocument>("authsome_migrations").CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: Ct));
    }

    [Fact]
    public async Task Migrate_RefusesAPluginMigrationWithoutAMongoScript_BeforeApplyingAnything()
    {
        await using var store = MongoTestServer.CreateStore(Fresh());
        var sqlOnly = new MigrationGroup("authsome-sql-only", [MigrationGroup.CoreName],
            [new Migration(20260401000000, "tables", SqlMigrationScript.Postgres("CREATE TABLE t (id int);"))]);

        var error = await Assert.ThrowsAsync<MigrationException>(() => store.MigrateAsync([sqlOnly], Ct));

        Assert.Equal("authsome-sql-only", error.Group);
        Assert.False((await store.GetMigrationStatusAsync([], Ct)).IsUpToDate);
    }

    private static readonly string[] ExpectedCollections =
    [
        "authsome_users", "authsome_sessions", "authsome_revoked_refresh_tokens", "authsome_verifications", "authsome_password_resets",
        "authsome_apps", "authsome_environments", "authsome_organizations", "authsome_members", "authsome_invitations", "authsome_teams",
        "authsome_devices", "authsome_webhooks", "authsome_webhook_deliveries", "authsome_notifications", "authsome_api_keys", "authsome_form_configs",
        "authsome_branding_configs", "authsome_app_session_configs", "authsome_app_client_configs", "authsome_settings",
        "authsome_service_accounts", "authsome_service_account_roles", "authsome_roles", "authsome_permissions", "authsome_role_assignments",
        "authsome_migrations", "authsome_migration_lock",
    ];

    private static readonly MongoStoreSettings Fast = new() { LockPollInterval = TimeSpan.FromMilliseconds(100) };

    private static BsonDocument OldRole(Id<Role> id, Id<App> appId, string slug) => new()
    {
        { "_id", id.ToString() },
        { "app_id", appId.ToString() },
        { "name", slug },
        { "slug", slug },
        { "description", BsonNull.Value },
        { "parent_id", BsonNull.Value },
        { "created_at", DateTime.UtcNow },
        { "updated_at", DateTime.UtcNow },
    };

    private static string Fresh() => "mig" + Guid.NewGuid().ToString("N")[..12];

    private static MigrationGroup PluginGroup() => new("authsome-test", [MigrationGroup.CoreName],
    [
        new Migration(20260201000000, "widgets", new MongoMigrationScript(
            MongoMigrationStep.CreateCollection("authsome_test_widgets"),
            MongoMigrationStep.CreateIndex("authsome_test_widgets", new MongoIndex("widgets_name_unique", "name") { Unique = true }),
            MongoMigrationStep.RunCommand("""{ "update": "authsome_test_widgets", "updates": [ { "q": { "kind": { "$exists": false } }, "u": { "$set": { "kind": "plain" } }, "multi": true } ] }"""))),
    ]);

    private static async Task<Dictionary<string, BsonDocument>> IndexesAsync(MongoStore store, string collection)
    {
        var indexes = await (await store.Database.GetCollection<BsonDocument>(collection).Indexes.ListAsync(Ct)).ToListAsync(Ct);
        return indexes.ToDictionary(i => i["name"].AsString, StringComparer.Ordinal);
    }

    private static async Task SeedLockAsync(MongoStore store, string owner, DateTime expiresAt)
    {
        var locks = store.Database.GetCollection<BsonDocument>("authsome_migration_lock");
        await locks.ReplaceOneAsync(
            Builders<BsonDocument>.Filter.Eq("_id", "migrate"),
            new BsonDocument { { "_id", "migrate" }, { "owner", owner }, { "expires_at", expiresAt } },
            new ReplaceOptions { IsUpsert = true },
            Ct);
    }

    private static Task<BsonDocument> LockAsync(MongoStore store) =>
        store.Database.GetCollection<BsonDocument>("authsome_migration_lock").Find(Builders<BsonDocument>.Filter.Eq("_id", "migrate")).SingleAsync(Ct);
}
