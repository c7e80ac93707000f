using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Authsome.Store.Migrations;

/// <summary>
/// Runs migration groups on a backend: groups in dependency order, versions in order within a group, each
/// pending migration once, under the backend's lock. Every backend uses this one implementation, so the
/// rules (ordering, checksums, error reporting) cannot drift between them.
/// </summary>
public static partial class MigrationOrchestrator
{
    /// <summary>
    /// Orders groups so that every group follows the groups it depends on; among groups free to run, the given
    /// order is kept. Throws <see cref="MigrationException"/> for a duplicate group, a missing dependency or a cycle.
    /// </summary>
    public static IReadOnlyList<MigrationGroup> Order(IEnumerable<MigrationGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var byName = new Dictionary<string, MigrationGroup>(StringComparer.Ordinal);
        var given = new List<MigrationGroup>();
        foreach (var group in groups)
        {
            if (!byName.TryAdd(group.Name, group))
            {
                throw new MigrationException($"Migration group '{group.Name}' was given twice.", group.Name);
            }

            given.Add(group);
        }

        foreach (var group in given)
        {
            foreach (var dependency in group.DependsOn)
            {
                if (!byName.ContainsKey(dependency))
                {
                    throw new MigrationException($"Migration group '{group.Name}' depends on '{dependency}', which was not given.", group.Name);
                }
            }
        }

        var ordered = new List<MigrationGroup>(given.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < given.Count)
        {
            var next = given.FirstOrDefault(g => !placed.Contains(g.Name) && g.DependsOn.All(placed.Contains))
                ?? throw new MigrationException(
                    "Migration groups depend on each other in a cycle: " +
                    string.Join(", ", given.Where(g => !placed.Contains(g.Name)).Select(g => g.Name)) + ".");
            ordered.Add(next);
            placed.Add(next.Name);
        }

        return ordered;
    }

    /// <summary>
    /// Applies every pending migration of the groups and returns those it applied (none on a second run).
    /// Checks the whole plan first: a missing script for the driver's dialect, or an applied migration whose
    /// checksum changed, stops the run before anything is applied. A failing migration stops the run with a
    /// <see cref="MigrationException"/> naming it; the migrations before it stay applied.
    /// </summary>
    public static async Task<IReadOnlyList<PlannedMigration>> RunAsync(IMigrationDriver driver, IEnumerable<MigrationGroup> groups, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(driver);
        logger ??= NullLogger.Instance;
        var ordered = Order(groups);
        var plan = ordered
            .SelectMany(g => g.Migrations.Select(m => (Group: g.Name, Migration: m, Script: ScriptFor(driver.Dialect, g.Name, m))))
            .ToList();

        await driver.EnsureHistoryAsync(cancellationToken).ConfigureAwait(false);
        var applied = new List<PlannedMigration>();
        var @lock = await driver.AcquireLockAsync(cancellationToken).ConfigureAwait(false);
        await using (@lock.ConfigureAwait(false))
        {
            var history = (await driver.ReadHistoryAsync(cancellationToken).ConfigureAwait(false))
                .ToDictionary(h => (h.Group, h.Version));
            foreach (var step in plan)
            {
                if (history.TryGetValue((step.Group, step.Migration.Version), out var done) && done.Checksum != step.Script.Checksum)
                {
                    throw new MigrationException(
                        $"Migration {step.Group} {step.Migration} was changed after it was applied (its checksum differs from the recorded one). Add a new migration instead of editing an applied one.",
                        step.Group, step.Migration.Version, step.Migration.Name);
                }
            }

            foreach (var step in plan.Where(s => !history.ContainsKey((s.Group, s.Migration.Version))))
            {
                try
                {
                    await driver.ApplyAsync(step.Group, step.Migration, step.Script, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not MigrationException)
                {
                    throw new MigrationException(
                        $"Migration {step.Group} {step.Migration} failed and was rolled back: {ex.Message}",
                        step.Group, step.Migration.Version, step.Migration.Name, ex);
                }

                LogApplied(logger, step.Group, step.Migration.Version, step.Migration.Name);
                applied.Add(new PlannedMigration(step.Group, step.Migration.Version, step.Migration.Name, DateTimeOffset.UtcNow));
            }
        }

        return applied;
    }

    /// <summary>What is applied and what is pending, without applying or locking anything.</summary>
    public static async Task<MigrationStatus> GetStatusAsync(IMigrationDriver driver, IEnumerable<MigrationGroup> groups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var ordered = Order(groups);
        var history = await driver.ReadHistoryAsync(cancellationToken).ConfigureAwait(false);
        var byKey = history.ToDictionary(h => (h.Group, h.Version));
        var planned = ordered
            .SelectMany(g => g.Migrations.Select(m =>
                new PlannedMigration(g.Name, m.Version, m.Name, byKey.TryGetValue((g.Name, m.Version), out var h) ? h.AppliedAt : null)))
            .ToList();
        var known = planned.Select(p => (p.Group, p.Version)).ToHashSet();
        return new MigrationStatus(planned, [.. history.Where(h => !known.Contains((h.Group, h.Version)))]);
    }

    private static MigrationScript ScriptFor(string dialect, string group, Migration migration) =>
        migration.Scripts.TryGetValue(dialect, out var script)
            ? script
            : throw new MigrationException(
                $"Migration {group} {migration} has no {dialect} script, so this backend cannot run it.",
                group, migration.Version, migration.Name);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied migration {Group} {Version} {Name}")]
    private static partial void LogApplied(ILogger logger, string group, long version, string name);
}
