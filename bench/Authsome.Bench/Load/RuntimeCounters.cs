using System.Globalization;

namespace Authsome.Bench.Load;

/// <summary>
/// A process's runtime counters (<c>dotnet-counters collect</c>, the System.Runtime meter, once a second) while a run
/// lasts, summed up in one line: what a latency tail is made of on that side (GC pauses, a thread pool that queues
/// work or injects threads, lock contention, the JIT). Optional: without <c>dotnet-counters</c> (a dotnet tool:
/// <c>dotnet tool install -g dotnet-counters</c>) the run goes on without it.
/// </summary>
/// <remarks>
/// Attaching is not free: the tool starts (a .NET process, JIT and all, on the cores the API uses) and the watched
/// process compiles its metrics listener when the session begins. Started together with a measured run, that put
/// the paced run's whole p99 into its first half second; so collection starts before the warm-up, and only the
/// seconds of the measured run are summed (<see cref="Summarize(IEnumerable{string}, DateTime, DateTime)"/>).
/// </remarks>
internal static class RuntimeCounters
{
    /// <summary>Collects for <paramref name="seconds"/>; returns the CSV's lines, null without the tool, or the tool's error.</summary>
    public static async Task<Collected?> CollectAsync(int processId, int seconds, string outputFile, CancellationToken cancellationToken)
    {
        var tool = Find();
        if (tool is null)
        {
            return null;
        }

        File.Delete(outputFile);
        var duration = TimeSpan.FromSeconds(seconds).ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture);
        var (exitCode, output) = await ToolProcess.RunAsync(
            tool,
            ["collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "--duration", duration, "--refresh-interval", "1", "--format", "csv", "-o", outputFile, "--counters", "System.Runtime"],
            null,
            cancellationToken);
        return exitCode == 0 && File.Exists(outputFile)
            ? new Collected(await File.ReadAllLinesAsync(outputFile, cancellationToken), null)
            : new Collected([], $"dotnet-counters failed: {output.Trim()}");
    }

    /// <summary>
    /// Totals of the per-second counters and maxima of the gauges, from dotnet-counters' CSV, over the rows stamped
    /// after <paramref name="from"/> and up to <paramref name="until"/> (local time, as the tool writes it; a row covers
    /// the second before its stamp).
    /// </summary>
    internal static string Summarize(IEnumerable<string> csv, DateTime from, DateTime until)
    {
        var values = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        DateTime? first = null;
        foreach (var line in csv.Skip(1))
        {
            // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment; the name holds no comma.
            var fields = line.Split(',');
            if (fields.Length == 5
                && DateTime.TryParseExact(fields[0], "MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp)
                && double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                first ??= stamp;
                if (stamp <= from || stamp > until.AddSeconds(1))
                {
                    continue;
                }

                var name = fields[2];
                if (!values.TryGetValue(name, out var list))
                {
                    values[name] = list = [];
                }

                list.Add(value);
            }
        }

        double Sum(string prefix) => values.Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(v => v.Value.Sum());
        double Max(string prefix) => values.Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(v => v.Value.DefaultIfEmpty().Max()).DefaultIfEmpty().Max();
        if (first is null || first > from)
        {
            return "the counters were not attached before the measured run began: not summed";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"GC pauses {Sum("dotnet.gc.pause.time") * 1000:0} ms in all (at most {Max("dotnet.gc.pause.time") * 1000:0} ms in one second), " +
            $"collections gen0 {Sum("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen0]"):0} / gen1 {Sum("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen1]"):0} / gen2 {Sum("dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen2]"):0}; " +
            $"thread pool: at most {Max("dotnet.thread_pool.thread.count"):0} threads, queue at most {Max("dotnet.thread_pool.queue.length"):0} items; " +
            $"lock contentions {Sum("dotnet.monitor.lock_contentions"):0}; JIT {Sum("dotnet.jit.compilation.time") * 1000:0} ms, {Sum("dotnet.jit.compiled_methods"):0} methods");
    }

    private static string? Find()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Append(Path.Combine(home, ".dotnet", "tools"))
            .Select(directory => Path.Combine(directory, "dotnet-counters"))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>What <c>dotnet-counters</c> wrote (its CSV lines), or why it wrote nothing.</summary>
internal sealed record Collected(string[] Lines, string? Failure);
