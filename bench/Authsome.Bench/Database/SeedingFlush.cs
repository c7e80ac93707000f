using System.Globalization;
using Authsome.Bench.Load;
using Npgsql;

namespace Authsome.Bench.Database;

/// <summary>
/// Writes the seeding's rows to disk before anything is measured: a checkpoint, then <c>sync</c>. Left to the kernel,
/// the million rows' dirty pages are written back over the next half minute, on the same cores as the first scenarios.
/// </summary>
internal static class SeedingFlush
{
    /// <summary>Checkpoints the cluster <paramref name="connectionString"/> is on and syncs; says how much was dirty.</summary>
    public static async Task<string> RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        var dirty = DirtyMebibytes();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }

        var dirtyAfterCheckpoint = DirtyMebibytes();
        var (exitCode, output) = await ToolProcess.RunAsync("sync", [], null, cancellationToken);
        if (exitCode != 0)
        {
            throw new BenchException($"sync failed: {output.Trim()}");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"flushed the seeding: {dirty:0} MiB dirty in the page cache before the checkpoint, {dirtyAfterCheckpoint:0} MiB after it, {DirtyMebibytes():0} MiB after sync");
    }

    /// <summary>Dirty and under-writeback page cache, from <c>/proc/meminfo</c>.</summary>
    private static double DirtyMebibytes() =>
        File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo")
                .Where(l => l.StartsWith("Dirty:", StringComparison.Ordinal) || l.StartsWith("Writeback:", StringComparison.Ordinal))
                .Sum(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)) / 1024
            : double.NaN;
}
