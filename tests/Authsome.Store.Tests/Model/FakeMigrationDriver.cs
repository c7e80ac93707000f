using Authsome.Store.Migrations;

namespace Authsome.Store.Tests.Model;

/// <summary>A migration driver that keeps its history in a list, for testing the orchestrator without a database.</summary>
internal sealed class FakeMigrationDriver : IMigrationDriver
{
    public const string FakeDialect = "fake";

    private bool locked;

    public string Dialect => FakeDialect;

    public List<AppliedMigration> History { get; } = [];

    /// <summary>Makes <see cref="ApplyAsync"/> throw for the migration with this version.</summary>
    public long? FailOnVersion { get; set; }

    public bool HistoryEnsured { get; private set; }

    public int LocksTaken { get; private set; }

    public int LocksReleased { get; private set; }

    public Task EnsureHistoryAsync(CancellationToken cancellationToken)
    {
        HistoryEnsured = true;
        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken)
    {
        Assert.False(locked, "The orchestrator took the lock twice.");
        locked = true;
        LocksTaken++;
        return Task.FromResult<IAsyncDisposable>(new Release(this));
    }

    public Task<IReadOnlyList<AppliedMigration>> ReadHistoryAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AppliedMigration>>([.. History]);

    public Task ApplyAsync(string group, Migration migration, MigrationScript script, CancellationToken cancellationToken)
    {
        Assert.True(locked, "A migration was applied without the lock.");
        if (migration.Version == FailOnVersion)
        {
            throw new InvalidOperationException("syntax error near \"TABEL\"");
        }

        History.Add(new AppliedMigration(group, migration.Version, migration.Name, script.Checksum, DateTimeOffset.UnixEpoch));
        return Task.CompletedTask;
    }

    /// <summary>A script of the fake dialect.</summary>
    public static MigrationScript Script(string text = "CREATE TABLE t (id TEXT)") => new SqlMigrationScript(FakeDialect, text);

    /// <summary>A group of migrations with the given versions, each with a fake script.</summary>
    public static MigrationGroup Group(string name, IEnumerable<string> dependsOn, params long[] versions) =>
        new(name, dependsOn, versions.Select(v => new Migration(v, $"m{v}", Script($"-- {name} {v}"))));

    private sealed class Release(FakeMigrationDriver driver) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            driver.locked = false;
            driver.LocksReleased++;
            return ValueTask.CompletedTask;
        }
    }
}
