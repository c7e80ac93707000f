using System.Globalization;

namespace Authsome.Bench.Load;

/// <summary>
/// The API's own runtime counters (<c>dotnet-counters collect</c>, the System.Runtime meter, once a second) while a run
/// lasts, summed up in one line: what a latency tail is made of on the API's side (GC pauses, a thread pool that
/// queues work or injects threads, lock contention, the JIT). Optional: without <c>dotnet-counters</c> (a dotnet tool:
/// <c>dotnet tool install -g dotnet-counters</c>) the run goes on without it.
/// </summary>
internal static class RuntimeCounters
{
    public static async Task<string?> CollectAsync(int processId, int seconds, string outputFile, CancellationToken cancellationToken)
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
        return exitCode == 0 && File.Exists(outputFile) ? Summarize(await File.ReadAllLinesAsync(outputFile, cancellationToken)) : $"dotnet-counters failed: {output.Trim()}";
    }

    /// <summary>Totals of the per-second counters and maxima of the gauges, from dotnet-counters' CSV.</summary>
    internal static string Summarize(IEnumerable<string> csv)
    {
        var values = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var line in csv.Skip(1))
        {
            // Timestamp,Provider,Counter Name,Counter Type,Mean/Increment; the name holds no comma.
            var fields = line.Split(',');
            if (fields.Length == 5 && double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
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
