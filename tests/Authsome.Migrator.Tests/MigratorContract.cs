namespace Authsome.Migrator.Tests;

/// <summary>
/// What the migrator must do on every backend: apply once and exit 0, apply nothing the second time, list without
/// applying, survive a concurrent run, and exit non-zero when it cannot reach the database.
/// </summary>
public abstract class MigratorContract
{
    /// <summary>A connection string to a fresh, empty database.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>How many migrations the database records as applied.</summary>
    protected abstract Task<long> CountAppliedAsync(string connectionString);

    /// <summary>The names of the database's tables.</summary>
    protected abstract Task<IReadOnlyList<string>> TablesAsync(string connectionString);

    /// <summary>A connection string this backend cannot reach.</summary>
    protected abstract string UnreachableConnectionString { get; }

    [Fact]
    public async Task Migrate_AppliesEverythingOnceAndExitsZero()
    {
        var database = await CreateDatabaseAsync();

        var first = await MigratorProcess.RunAsync(database);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("authsome_migrations", await TablesAsync(database));
        Assert.True((await TablesAsync(database)).Count > 1, "the core group creates tables besides the tracking table");
        var applied = await CountAppliedAsync(database);
        Assert.True(applied > 0);

        var second = await MigratorProcess.RunAsync(database);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("0 applied", second.Output, StringComparison.Ordinal);
        Assert.Equal(applied, await CountAppliedAsync(database));
    }

    [Fact]
    public async Task List_ShowsPendingThenAppliedAndAppliesNothing()
    {
        var database = await CreateDatabaseAsync();

        var before = await MigratorProcess.RunAsync(database, "--list");

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.NotEmpty(before.Pending);
        Assert.Empty(before.Applied);
        Assert.Equal(0, await CountAppliedAsync(database));

        var migrate = await MigratorProcess.RunAsync(database);
        Assert.True(migrate.ExitCode == 0, migrate.ToString());

        var after = await MigratorProcess.RunAsync(database, "--list");

        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Empty(after.Pending);
        Assert.Equal(before.Pending.Count, after.Applied.Count);
        Assert.Contains("authsome-password", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_AppliesEachMigrationOnce_WhenTwoRunsAreConcurrent()
    {
        var database = await CreateDatabaseAsync();
        var planned = (await MigratorProcess.RunAsync(database, "--list")).Pending.Count;

        var runs = await Task.WhenAll(MigratorProcess.RunAsync(database), MigratorProcess.RunAsync(database));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        Assert.Equal(planned, await CountAppliedAsync(database));
    }

    [Fact]
    public async Task Migrate_ExitsNonZeroAndSaysWhy_WhenDatabaseIsUnreachable()
    {
        var run = await MigratorProcess.RunAsync(UnreachableConnectionString);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Migration failed", run.Output, StringComparison.Ordinal);
    }
}
