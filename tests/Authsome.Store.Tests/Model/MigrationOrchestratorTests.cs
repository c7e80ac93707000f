using Authsome.Store.Migrations;
using static Authsome.Store.Tests.Model.FakeMigrationDriver;

namespace Authsome.Store.Tests.Model;

public sealed class MigrationOrchestratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Order_PutsEveryGroupAfterItsDependencies()
    {
        var core = Group("authsome", [], 1);
        var mfa = Group("authsome-mfa", ["authsome", "authsome-password"], 1);
        var password = Group("authsome-password", ["authsome"], 1);

        var ordered = MigrationOrchestrator.Order([mfa, password, core]);

        Assert.Equal(["authsome", "authsome-password", "authsome-mfa"], ordered.Select(g => g.Name));
    }

    [Fact]
    public void Order_KeepsTheGivenOrder_AmongGroupsFreeToRun()
    {
        var core = Group("authsome", [], 1);

        Assert.Equal(["c", "a", "b"], MigrationOrchestrator.Order([Group("c", [], 1), Group("a", [], 1), Group("b", [], 1)]).Select(g => g.Name));
        Assert.Equal(["authsome", "z", "y"], MigrationOrchestrator.Order([core, Group("z", ["authsome"], 1), Group("y", ["authsome"], 1)]).Select(g => g.Name));
    }

    [Fact]
    public void Order_RejectsAMissingDependency_NamingTheGroup()
    {
        var exception = Assert.Throws<MigrationException>(() => MigrationOrchestrator.Order([Group("authsome-mfa", ["authsome"], 1)]));

        Assert.Equal("authsome-mfa", exception.Group);
        Assert.Contains("authsome", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_RejectsACycle()
    {
        var exception = Assert.Throws<MigrationException>(() => MigrationOrchestrator.Order(
            [Group("authsome", [], 1), Group("a", ["b"], 1), Group("b", ["a"], 1)]));

        Assert.Contains("cycle", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Order_RejectsAGroupGivenTwice()
    {
        var exception = Assert.Throws<MigrationException>(() => MigrationOrchestrator.Order([Group("authsome", [], 1), Group("authsome", [], 2)]));

        Assert.Equal("authsome", exception.Group);
    }

    [Fact]
    public async Task Run_AppliesGroupsInDependencyOrder_AndVersionsInOrder_UnderTheLock()
    {
        var driver = new FakeMigrationDriver();
        var plugin = Group("authsome-mfa", ["authsome"], 20240301000000, 20240101000000);
        var core = Group("authsome", [], 20230101000000, 20230601000000);

        var applied = await MigrationOrchestrator.RunAsync(driver, [plugin, core], null, Ct);

        var expected = new[] { ("authsome", 20230101000000L), ("authsome", 20230601000000L), ("authsome-mfa", 20240101000000L), ("authsome-mfa", 20240301000000L) };
        Assert.Equal(expected, applied.Select(a => (a.Group, a.Version)));
        Assert.Equal(expected, driver.History.Select(h => (h.Group, h.Version)));
        Assert.All(applied, a => Assert.True(a.IsApplied));
        Assert.True(driver.HistoryEnsured);
        Assert.Equal(1, driver.LocksTaken);
        Assert.Equal(1, driver.LocksReleased);
    }

    [Fact]
    public async Task Run_TheSecondTime_AppliesNothing()
    {
        var driver = new FakeMigrationDriver();
        MigrationGroup[] groups = [Group("authsome", [], 1, 2), Group("authsome-mfa", ["authsome"], 1)];
        await MigrationOrchestrator.RunAsync(driver, groups, null, Ct);

        Assert.Empty(await MigrationOrchestrator.RunAsync(driver, groups, null, Ct));
        Assert.Equal(3, driver.History.Count);
    }

    [Fact]
    public async Task Run_AppliesOnlyWhatIsNew()
    {
        var driver = new FakeMigrationDriver();
        await MigrationOrchestrator.RunAsync(driver, [Group("authsome", [], 1)], null, Ct);

        var applied = await MigrationOrchestrator.RunAsync(driver, [Group("authsome", [], 1, 2), Group("authsome-mfa", ["authsome"], 1)], null, Ct);

        Assert.Equal([("authsome", 2L), ("authsome-mfa", 1L)], applied.Select(a => (a.Group, a.Version)));
    }

    [Fact]
    public async Task Run_ReportsAnEditedMigration_BeforeApplyingAnything()
    {
        var driver = new FakeMigrationDriver();
        await MigrationOrchestrator.RunAsync(driver, [Group("authsome", [], 1)], null, Ct);
        var edited = new MigrationGroup("authsome", [], [new Migration(1, "m1", Script("-- edited")), new Migration(2, "m2", Script())]);

        var exception = await Assert.ThrowsAsync<MigrationException>(() => MigrationOrchestrator.RunAsync(driver, [edited], null, Ct));

        Assert.Equal(("authsome", 1L, "m1"), (exception.Group, exception.Version!.Value, exception.MigrationName));
        Assert.Contains("checksum", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(driver.History);
        Assert.Equal(driver.LocksTaken, driver.LocksReleased);
    }

    [Fact]
    public async Task Run_NamesTheFailingMigration_KeepsThoseBefore_AndReleasesTheLock()
    {
        var driver = new FakeMigrationDriver { FailOnVersion = 2 };

        var exception = await Assert.ThrowsAsync<MigrationException>(() =>
            MigrationOrchestrator.RunAsync(driver, [Group("authsome", [], 1, 2, 3)], null, Ct));

        Assert.Equal(("authsome", 2L, "m2"), (exception.Group, exception.Version!.Value, exception.MigrationName));
        Assert.IsType<InvalidOperationException>(exception.InnerException);
        Assert.Equal([1L], driver.History.Select(h => h.Version));
        Assert.Equal(1, driver.LocksReleased);
    }

    [Fact]
    public async Task Run_RefusesAMigrationWithoutAScriptForTheDialect_BeforeTouchingTheDatabase()
    {
        var driver = new FakeMigrationDriver();
        var group = new MigrationGroup("authsome", [], [new Migration(1, "m1", Script()), new Migration(2, "pg-only", SqlMigrationScript.Postgres("SELECT 1"))]);

        var exception = await Assert.ThrowsAsync<MigrationException>(() => MigrationOrchestrator.RunAsync(driver, [group], null, Ct));

        Assert.Equal(("authsome", 2L, "pg-only"), (exception.Group, exception.Version!.Value, exception.MigrationName));
        Assert.Contains(FakeDialect, exception.Message, StringComparison.Ordinal);
        Assert.Empty(driver.History);
        Assert.Equal(0, driver.LocksTaken);
    }

    [Fact]
    public async Task Status_ReportsPendingAppliedAndUnknown_WithoutApplyingOrLocking()
    {
        var driver = new FakeMigrationDriver();
        await MigrationOrchestrator.RunAsync(driver, [Group("authsome", [], 1), Group("authsome-old", ["authsome"], 5)], null, Ct);

        var status = await MigrationOrchestrator.GetStatusAsync(driver, [Group("authsome", [], 1, 2)], Ct);

        Assert.Equal([(1L, true), (2L, false)], status.Planned.Select(p => (p.Version, p.IsApplied)));
        Assert.Equal([2L], status.Pending.Select(p => p.Version));
        Assert.False(status.IsUpToDate);
        Assert.Equal(("authsome-old", 5L), (Assert.Single(status.Unknown).Group, status.Unknown[0].Version));
        Assert.Equal(2, driver.History.Count);
        Assert.Equal(1, driver.LocksTaken);
    }

    [Fact]
    public void Migration_RejectsTwoScriptsOfOneDialect_OrNone()
    {
        Assert.Throws<ArgumentException>(() => new Migration(1, "twice", Script("a"), Script("b")));
        Assert.Throws<ArgumentException>(() => new Migration(1, "none"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Migration(0, "zero", Script()));
    }

    [Fact]
    public void Group_SortsMigrationsByVersion_AndRejectsADuplicateVersion()
    {
        Assert.Equal([1L, 2L, 3L], Group("g", [], 3, 1, 2).Migrations.Select(m => m.Version));
        Assert.Throws<ArgumentException>(() => Group("g", [], 1, 1));
    }

    [Fact]
    public void SqlScriptChecksum_IgnoresLineEndingsAndSurroundingWhitespace_ButNotContent()
    {
        var unix = SqlMigrationScript.Postgres("CREATE TABLE t (id TEXT);\nCREATE INDEX i ON t (id);");
        var windows = SqlMigrationScript.Postgres("CREATE TABLE t (id TEXT);\r\nCREATE INDEX i ON t (id);\r\n");
        var changed = SqlMigrationScript.Postgres("CREATE TABLE t (id TEXT);\nCREATE INDEX j ON t (id);");

        Assert.Equal(unix.Checksum, windows.Checksum);
        Assert.NotEqual(unix.Checksum, changed.Checksum);
        Assert.Equal(64, unix.Checksum.Length);
    }
}
