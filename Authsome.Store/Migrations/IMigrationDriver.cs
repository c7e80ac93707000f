namespace Authsome.Store.Migrations;

/// <summary>
/// What a backend provides to the <see cref="MigrationOrchestrator"/>: its dialect, its tracking table, its
/// lock and a way to apply one migration together with its tracking record.
/// </summary>
public interface IMigrationDriver
{
    /// <summary>The dialect whose scripts this backend runs.</summary>
    string Dialect { get; }

    /// <summary>Creates the tracking table (or collection) when absent. Safe to call concurrently.</summary>
    Task EnsureHistoryAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Waits until this process holds the migration lock, so concurrent runs apply each migration once. A lock
    /// held by a crashed process must not block forever. Disposing releases it.
    /// </summary>
    Task<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken);

    /// <summary>Everything the tracking table records.</summary>
    Task<IReadOnlyList<AppliedMigration>> ReadHistoryAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs the script and records the migration as applied, atomically where the database allows: when it
    /// throws, nothing of the migration remains and nothing is recorded.
    /// </summary>
    Task ApplyAsync(string group, Migration migration, MigrationScript script, CancellationToken cancellationToken);
}
