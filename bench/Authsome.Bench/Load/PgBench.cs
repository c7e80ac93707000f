using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Authsome.Bench.Load;

/// <summary>
/// Drives the database directly with pgbench (prepared statements, like Npgsql's auto-prepare) running a custom
/// script; latency percentiles come from pgbench's per-transaction log, which it writes to a scratch directory.
/// </summary>
internal static partial class PgBench
{
    public static async Task<LoadResult> RunAsync(
        string binDirectory, string connectionString, string script, int clients, int threads, int seconds,
        IReadOnlyDictionary<string, string> variables, string scratchDirectory, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var logs = Directory.CreateDirectory(Path.Combine(scratchDirectory, $"pgbench-{Guid.NewGuid():N}"));
        try
        {
            var arguments = new List<string>
            {
                "--no-vacuum",
                "--protocol", "prepared",
                "--client", clients.ToString(CultureInfo.InvariantCulture),
                "--jobs", Math.Min(threads, clients).ToString(CultureInfo.InvariantCulture),
                "--time", seconds.ToString(CultureInfo.InvariantCulture),
                "--file", script,
                "--log", "--log-prefix", Path.Combine(logs.FullName, "tx"),
                "--host", connection.Host!,
                "--port", connection.Port.ToString(CultureInfo.InvariantCulture),
                "--username", connection.Username!,
            };
            foreach (var (name, value) in variables)
            {
                arguments.Add("--define");
                arguments.Add($"{name}={value}");
            }

            arguments.Add(connection.Database!);
            var (exitCode, output) = await ToolProcess.RunAsync(
                Path.Combine(binDirectory, "pgbench"), arguments,
                new Dictionary<string, string> { ["PGPASSWORD"] = connection.Password! }, cancellationToken);
            var processed = ProcessedPattern().Match(output);
            if (exitCode != 0 || !processed.Success)
            {
                throw new BenchException($"pgbench {Path.GetFileName(script)} failed (exit code {exitCode}):{Environment.NewLine}{output.Trim()}");
            }

            var transactions = long.Parse(processed.Groups[1].Value, CultureInfo.InvariantCulture);
            // pgbench's own rate excludes the time its clients spent connecting.
            var tps = TpsPattern().Match(output) is { Success: true } rate
                ? double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture)
                : transactions / (double)seconds;
            var failed = FailedPattern().Match(output);
            var latencies = ReadLatencies(logs.FullName);
            return new LoadResult(
                transactions,
                TimeSpan.FromSeconds(transactions / tps),
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.99),
                failed.Success ? long.Parse(failed.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
                new Dictionary<int, long>());
        }
        finally
        {
            logs.Delete(recursive: true);
        }
    }

    /// <summary>Per-transaction latencies in microseconds: the third field of each line of every log file.</summary>
    private static long[] ReadLatencies(string directory)
    {
        var latencies = new List<long>();
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            foreach (var line in File.ReadLines(file))
            {
                var fields = line.Split(' ');
                if (fields.Length >= 3 && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var micros))
                {
                    latencies.Add(micros);
                }
            }
        }

        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static TimeSpan Percentile(long[] sorted, double fraction) =>
        sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds(sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(fraction * sorted.Length) - 1)]);

    [GeneratedRegex(@"number of transactions actually processed: (\d+)")]
    private static partial Regex ProcessedPattern();

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsPattern();

    [GeneratedRegex(@"number of failed transactions: (\d+)")]
    private static partial Regex FailedPattern();
}
