using Authsome.Store.Migrations;

namespace Authsome;

/// <summary>
/// Applies and inspects the store's schema: the core group plus the migration group of every registered plugin.
/// Registered by <c>AddAuthsome()</c>; the migrator host and the <c>MigrateOnStart</c> start-up use it.
/// </summary>
public interface IAuthsomeMigrator
{
    /// <summary>Applies every pending migration; returns those applied (none when up to date). Idempotent and locked against concurrent runs.</summary>
    Task<IReadOnlyList<PlannedMigration>> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>What is applied and what is pending, changing nothing.</summary>
    Task<MigrationStatus> GetStatusAsync(CancellationToken cancellationToken);
}
