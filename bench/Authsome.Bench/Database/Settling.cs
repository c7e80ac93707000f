using System.Globalization;
using Authsome.Bench.Load;
using Npgsql;

namespace Authsome.Bench.Database;

/// <summary>
/// Leaves the database quiet before a measurement, so that work left over from an earlier step does not run on the
/// same cores as the next one: the seeding's dirty pages (written back by the kernel over the following half
/// minute), and before the storm the dead rows the refresh scenario left (tens of thousands of rotated sessions, which
/// autovacuum would otherwise clean up whenever it wakes).
/// </summary>
internal static class Settling
{
    /// <summary>Checkpoints the cluster <paramref name="connectionString"/> is on and syncs; says how much was dirty.</summary>
    public static async Task<string> AfterSeedingAsync(string connectionString, CancellationToken cancellationToken)
    {
        var dirty = DirtyMebibytes();
        await ExecuteAsync(connectionString, "CHECKPOINT", cancellationToken);
        var dirtyAfterCheckpoint = DirtyMebibytes();
        await SyncAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture,
            $"flushed the seeding: {dirty:0} MiB dirty in the page cache before the checkpoint, {dirtyAfterCheckpoint:0} MiB after it, {DirtyMebibytes():0} MiB after sync");
    }

    /// <summary>Vacuums every database of <paramref name="connectionStrings"/>, then checkpoints and syncs; says what it found.</summary>
    public static async Task<string> BeforeStormAsync(IReadOnlyList<string> connectionStrings, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var autovacuuming = await CountAutovacuumWorkersAsync(connectionStrings[0], cancellationToken);
        foreach (var connectionString in connectionStrings)
        {
            await ExecuteAsync(connectionString, "VACUUM", cancellationToken);
        }

        await ExecuteAsync(connectionStrings[0], "CHECKPOINT", cancellationToken);
        await SyncAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture,
            $"settled the databases before the storm ({autovacuuming} autovacuum workers were running): VACUUM, CHECKPOINT and sync took {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    private static async Task<long> CountAutovacuumWorkersAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // VACUUM of a million rotated sessions takes longer than Npgsql's default 30 s on loaded cores.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task SyncAsync(CancellationToken cancellationToken)
    {
        var (exitCode, output) = await ToolProcess.RunAsync("sync", [], null, cancellationToken);
        if (exitCode != 0)
        {
            throw new BenchException($"sync failed: {output.Trim()}");
        }
    }

    /// <summary>Dirty and under-writeback page cache, from <c>/proc/meminfo</c>.</summary>
    private static double DirtyMebibytes() =>
        File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo")
                .Where(l => l.StartsWith("Dirty:", StringComparison.Ordinal) || l.StartsWith("Writeback:", StringComparison.Ordinal))
                .Sum(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)) / 1024
            : double.NaN;
}
