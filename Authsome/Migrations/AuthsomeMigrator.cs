using Authsome.Hooks;
using Authsome.Store;
using Authsome.Store.Migrations;

namespace Authsome.Migrations;

/// <summary>Runs the store's migrations with the groups of every registered plugin.</summary>
internal sealed class AuthsomeMigrator(IAuthsomeStore store, IEnumerable<IAuthsomePlugin> plugins) : IAuthsomeMigrator
{
    private readonly MigrationGroup[] pluginGroups = [.. plugins.Select(p => p.MigrationGroup).OfType<MigrationGroup>()];

    public Task<IReadOnlyList<PlannedMigration>> MigrateAsync(CancellationToken cancellationToken)
    {
        using var activity = AuthsomeTelemetry.StartOperation("migrate");
        return store.MigrateAsync(pluginGroups, cancellationToken);
    }

    public Task<MigrationStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        store.GetMigrationStatusAsync(pluginGroups, cancellationToken);
}
