using Authsome.Store.Migrations;
using Authsome.Store.Relational;
using Authsome.Store.Testing;

namespace Authsome.Store.Tests.Relational;

/// <summary>
/// Migration behaviour every relational backend shows: each test runs against a fresh, empty database, through the
/// store's public MigrateAsync and GetMigrationStatusAsync. The test groups' scripts are plain SQL both dialects run.
/// </summary>
public abstract class RelationalMigrationTests
{
    private static readonly int CoreCount = CoreMigrations.Group.Migrations.Count;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A store over a database no other test uses and nothing has migrated. Every call returns a new store over the same database.</summary>
    protected abstract IAuthsomeStore OpenStore();

    /// <summary>Whether the database has this table.</summary>
    protected abstract Task<bool> TableExistsAsync(string table);

    /// <summary>A migration driver over the same database, to apply only part of the core group.</summary>
    protected abstract IMigrationDriver OpenDriver();

    /// <summary>Runs one statement on the database, outside the store.</summary>
    protected abstract Task ExecuteAsync(string sql);

    [Fact]
    public async Task OrganizationRoles_MovesCustomRolesStoredWithAnOrganizationPrefix_KeepingTheirPermissions()
    {
        const long OrganizationRoles = 20261130094500;
        var before = new MigrationGroup(MigrationGroup.CoreName, [], [.. CoreMigrations.Group.Migrations.Where(m => m.Version < OrganizationRoles)]);
        await MigrationOrchestrator.RunAsync(OpenDriver(), [before], null, Ct);
        var app = TestData.NewApp();
        var environment = TestData.NewEnvironment(app.Id);
        var user = TestData.NewUser(app.Id, environment.Id);
        var organization = TestData.NewOrganization(app.Id, user.Id);
        await using (var old = OpenStore())
        {
            await old.Apps.CreateAsync(app, Ct);
            await old.Environments.CreateAsync(environment, Ct);
            await old.Users.CreateAsync(user, Ct);
            await old.Organizations.CreateAsync(organization, Ct);
        }

        // Rows as the engine wrote them before: an app-wide role, a custom role '{org}:billing' with a permission, and
        // one whose organization is gone. The app's own timestamps stand in for times in each dialect's format.
        var (appWide, custom, orphan) = (Id<Role>.New(), Id<Role>.New(), Id<Role>.New());
        await ExecuteAsync($"INSERT INTO authsome_roles (id, app_id, name, slug, created_at, updated_at) SELECT '{appWide}', id, 'Admin', 'admin', created_at, created_at FROM authsome_apps WHERE id = '{app.Id}'");
        await ExecuteAsync($"INSERT INTO authsome_roles (id, app_id, name, slug, created_at, updated_at) SELECT '{custom}', id, 'Billing', '{organization.Id}:billing', created_at, created_at FROM authsome_apps WHERE id = '{app.Id}'");
        await ExecuteAsync($"INSERT INTO authsome_roles (id, app_id, name, slug, created_at, updated_at) SELECT '{orphan}', id, 'Gone', '{Id<Organization>.New()}:billing', created_at, created_at FROM authsome_apps WHERE id = '{app.Id}'");
        await ExecuteAsync($"INSERT INTO authsome_permissions (id, role_id, action, resource, created_at) SELECT '{Id<Permission>.New()}', '{custom}', 'read', 'invoice', created_at FROM authsome_apps WHERE id = '{app.Id}'");

        await using var store = OpenStore();
        var applied = await store.MigrateAsync([], Ct);

        // This migration and the ones after it (the old schema stops before it).
        Assert.Equal(OrganizationRoles, applied[0].Version);
        var moved = await store.Roles.GetBySlugAsync(organization.Id, "billing", Ct);
        Assert.Equal((custom, organization.Id), (moved!.Id, moved.OrgId));
        Assert.Equal("read", Assert.Single(await store.Roles.ListPermissionsAsync(custom, Ct)).Action);
        Assert.Equal(appWide, (await store.Roles.GetBySlugAsync(app.Id, "admin", Ct))!.Id);
        Assert.Null(await store.Roles.GetAsync(orphan, Ct));

        // The organization's slug no longer collides app-wide, and the role goes with its organization.
        await store.Roles.CreateAsync(TestData.NewRole(app.Id) with { Slug = "billing" }, Ct);
        Assert.True(await store.Organizations.DeleteAsync(organization.Id, Ct));
        Assert.Null(await store.Roles.GetAsync(custom, Ct));
    }

    [Fact]
    public async Task Migrate_OnAFreshDatabase_AppliesTheCoreGroupInVersionOrder()
    {
        await using var store = OpenStore();

        var applied = await store.MigrateAsync([], Ct);

        Assert.Equal(CoreMigrations.Group.Migrations.Select(m => m.Version), applied.Select(m => m.Version));
        Assert.All(applied, m => Assert.Equal(MigrationGroup.CoreName, m.Group));
        foreach (var table in new[] { "authsome_apps", "authsome_users", "authsome_sessions", "authsome_revoked_refresh_tokens", "authsome_settings", "authsome_role_assignments", "authsome_migrations" })
        {
            Assert.True(await TableExistsAsync(table), table);
        }

        var status = await store.GetMigrationStatusAsync([], Ct);
        Assert.True(status.IsUpToDate);
        Assert.Equal(CoreCount, status.Planned.Count);
        Assert.Empty(status.Unknown);
    }

    [Fact]
    public async Task Migrate_ASecondTime_AppliesNothing()
    {
        await using var store = OpenStore();
        await store.MigrateAsync([TestGroup("authsome-test", Step(1, "create_widgets", "CREATE TABLE test_widgets (id TEXT PRIMARY KEY)"))], Ct);

        await using var again = OpenStore();
        Assert.Empty(await again.MigrateAsync([TestGroup("authsome-test", Step(1, "create_widgets", "CREATE TABLE test_widgets (id TEXT PRIMARY KEY)"))], Ct));
        Assert.True((await again.GetMigrationStatusAsync([], Ct)).IsUpToDate);
    }

    [Fact]
    public async Task Migrate_ConcurrentRuns_ApplyEachMigrationOnce()
    {
        var groups = new[] { TestGroup("authsome-test", Step(1, "create_widgets", "CREATE TABLE test_widgets (id TEXT PRIMARY KEY)")) };
        var stores = Enumerable.Range(0, 4).Select(_ => OpenStore()).ToArray();
        try
        {
            var runs = await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync(groups, Ct), Ct)));

            var applied = runs.SelectMany(r => r).Select(m => (m.Group, m.Version)).ToList();
            Assert.Equal(CoreCount + 1, applied.Count);
            Assert.Equal(applied.Count, applied.Distinct().Count());
            Assert.True((await stores[0].GetMigrationStatusAsync(groups, Ct)).IsUpToDate);
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Migrate_RunsPluginGroupsAfterTheirDependencies_WhateverOrderTheyAreGivenIn()
    {
        // The child's table references the parent's: run in the wrong order, its migration would fail.
        var child = new MigrationGroup("authsome-test-child", ["authsome-test-parent"], [
            Step(20300101000000, "create_child_items", "CREATE TABLE test_child_items (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES test_parent_items (id), user_id TEXT REFERENCES authsome_users (id))"),
        ]);
        var parent = new MigrationGroup("authsome-test-parent", [MigrationGroup.CoreName], [
            Step(20990101000000, "create_parent_items", "CREATE TABLE test_parent_items (id TEXT PRIMARY KEY)"),
            Step(20200101000000, "create_parent_notes", "CREATE TABLE test_parent_notes (id TEXT PRIMARY KEY)"),
        ]);
        await using var store = OpenStore();

        var applied = await store.MigrateAsync([child, parent], Ct);

        Assert.Equal(
            [.. CoreMigrations.Group.Migrations.Select(m => (MigrationGroup.CoreName, m.Version)), ("authsome-test-parent", 20200101000000), ("authsome-test-parent", 20990101000000), ("authsome-test-child", 20300101000000)],
            applied.Select(m => (m.Group, m.Version)));
        Assert.True(await TableExistsAsync("test_child_items"));
    }

    [Fact]
    public async Task Migrate_AFailingMigration_RollsBackAndNamesItself_KeepingTheOnesBeforeIt()
    {
        var group = TestGroup(
            "authsome-test",
            Step(1, "create_widgets", "CREATE TABLE test_widgets (id TEXT PRIMARY KEY)"),
            Step(2, "create_gadgets_then_fail", "CREATE TABLE test_gadgets (id TEXT PRIMARY KEY); INSERT INTO test_no_such_table (id) VALUES ('x')"),
            Step(3, "create_gizmos", "CREATE TABLE test_gizmos (id TEXT PRIMARY KEY)"));
        await using var store = OpenStore();

        var error = await Assert.ThrowsAsync<MigrationException>(() => store.MigrateAsync([group], Ct));

        Assert.Equal(("authsome-test", 2L, "create_gadgets_then_fail"), (error.Group, error.Version, error.MigrationName));
        Assert.Contains("authsome-test", error.Message, StringComparison.Ordinal);
        Assert.Contains("create_gadgets_then_fail", error.Message, StringComparison.Ordinal);
        Assert.True(await TableExistsAsync("test_widgets"));
        Assert.False(await TableExistsAsync("test_gadgets"));
        Assert.False(await TableExistsAsync("test_gizmos"));
        var status = await store.GetMigrationStatusAsync([group], Ct);
        Assert.Equal([1L], status.Planned.Where(m => m.Group == "authsome-test" && m.IsApplied).Select(m => m.Version));
        Assert.Equal([2L, 3L], status.Pending.Select(m => m.Version));
        Assert.True(status.Planned.Where(m => m.Group == MigrationGroup.CoreName).All(m => m.IsApplied));
    }

    [Fact]
    public async Task Migrate_ReportsAnAppliedMigrationThatWasEdited_AndAppliesNothing()
    {
        await using var store = OpenStore();
        await store.MigrateAsync([TestGroup("authsome-test", Step(1, "create_widgets", "CREATE TABLE test_widgets (id TEXT PRIMARY KEY)"))], Ct);
        var edited = TestGroup(
            "authsome-test",
            Step(1, "create_widgets", "CREATE TABLE test_widgets (id TEXT PRIMARY KEY, name TEXT)"),
            Step(2, "create_gadgets", "CREATE TABLE test_gadgets (id TEXT PRIMARY KEY)"));

        var error = await Assert.ThrowsAsync<MigrationException>(() => store.MigrateAsync([edited], Ct));

        Assert.Equal(("authsome-test", 1L, "create_widgets"), (error.Group, error.Version, error.MigrationName));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
        Assert.False(await TableExistsAsync("test_gadgets"));
    }

    [Fact]
    public async Task Status_ListsAppliedAndPending_WithoutApplyingAnything()
    {
        var group = TestGroup("authsome-test", Step(1, "create_widgets", "CREATE TABLE test_widgets (id TEXT PRIMARY KEY)"));
        await using var store = OpenStore();

        var fresh = await store.GetMigrationStatusAsync([group], Ct);

        Assert.False(fresh.IsUpToDate);
        Assert.Equal(CoreCount + 1, fresh.Pending.Count());
        Assert.False(await TableExistsAsync("authsome_migrations"));
        Assert.False(await TableExistsAsync("authsome_apps"));

        await store.MigrateAsync([], Ct);
        var coreOnly = await store.GetMigrationStatusAsync([group], Ct);

        Assert.Equal([("authsome-test", 1L)], coreOnly.Pending.Select(m => (m.Group, m.Version)));
        Assert.All(coreOnly.Planned.Where(m => m.Group == MigrationGroup.CoreName), m => Assert.NotNull(m.AppliedAt));
        Assert.False(await TableExistsAsync("test_widgets"));

        await store.MigrateAsync([group], Ct);
        var withoutTheGroup = await store.GetMigrationStatusAsync([], Ct);

        Assert.True(withoutTheGroup.IsUpToDate);
        Assert.Equal([("authsome-test", 1L)], withoutTheGroup.Unknown.Select(m => (m.Group, m.Version)));
    }

    [Fact]
    public async Task Migrate_ThrowsBeforeApplyingAnything_ForACycleOrAMissingDependency()
    {
        await using var store = OpenStore();
        var a = new MigrationGroup("authsome-test-a", ["authsome-test-b"], [Step(1, "a", "CREATE TABLE test_a (id TEXT)")]);
        var b = new MigrationGroup("authsome-test-b", ["authsome-test-a"], [Step(1, "b", "CREATE TABLE test_b (id TEXT)")]);
        var orphan = new MigrationGroup("authsome-test-orphan", ["authsome-test-missing"], [Step(1, "o", "CREATE TABLE test_o (id TEXT)")]);

        await Assert.ThrowsAsync<MigrationException>(() => store.MigrateAsync([a, b], Ct));
        await Assert.ThrowsAsync<MigrationException>(() => store.MigrateAsync([orphan], Ct));

        Assert.False(await TableExistsAsync("authsome_apps"));
    }

    [Fact]
    public async Task Migrate_ReportsAMigrationWithoutAScriptForTheBackend()
    {
        await using var store = OpenStore();
        var mongoOnly = new MigrationGroup("authsome-test", [MigrationGroup.CoreName], [new Migration(1, "mongo_only", new MongoOnlyScript())]);

        var error = await Assert.ThrowsAsync<MigrationException>(() => store.MigrateAsync([mongoOnly], Ct));

        Assert.Equal("mongo_only", error.MigrationName);
        Assert.False(await TableExistsAsync("authsome_apps"));
    }

    /// <summary>A plugin-style group depending on the core group.</summary>
    protected static MigrationGroup TestGroup(string name, params Migration[] migrations) => new(name, [MigrationGroup.CoreName], migrations);

    /// <summary>A migration whose script is the same SQL for both dialects.</summary>
    protected static Migration Step(long version, string name, string sql) =>
        new(version, name, SqlMigrationScript.Postgres(sql), SqlMigrationScript.Sqlite(sql));

    private sealed class MongoOnlyScript : MigrationScript
    {
        public override string Dialect => MigrationDialects.Mongo;

        public override string Checksum => ChecksumOf("mongo");
    }
}
