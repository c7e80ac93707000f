using System.Globalization;
using System.Text.Json;

namespace Authsome.Bench.Load;

/// <summary>
/// Drives HTTP load with wrk and one of the Lua scenario scripts. Every script loads <c>common.lua</c>, whose
/// <c>done()</c> prints one <c>BENCH_RESULT {json}</c> line with the totals and percentiles this class reads.
/// </summary>
internal static class Wrk
{
    private const string ResultMarker = "BENCH_RESULT ";

    /// <summary>Runs <paramref name="script"/> against <paramref name="url"/>; <paramref name="scriptArguments"/> reach its <c>init(args)</c>.</summary>
    public static async Task<LoadResult> RunAsync(
        string scriptsDirectory, string script, Uri url, int connections, int threads, int seconds,
        IEnumerable<string> scriptArguments, CancellationToken cancellationToken)
    {
        var arguments = new List<string>
        {
            "--threads", Math.Min(threads, connections).ToString(CultureInfo.InvariantCulture),
            "--connections", connections.ToString(CultureInfo.InvariantCulture),
            "--duration", $"{seconds}s",
            // Queued sign-ins may wait up to the API's hashing queue timeout (5 s) before their answer: not a client timeout.
            "--timeout", "30s",
            "--script", Path.Combine(scriptsDirectory, script),
            url.ToString(),
            "--",
        };
        arguments.AddRange(scriptArguments);

        var (exitCode, output) = await ToolProcess.RunAsync(
            "wrk", arguments, new Dictionary<string, string> { ["BENCH_LUA"] = scriptsDirectory }, cancellationToken);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(ResultMarker, StringComparison.Ordinal));
        if (exitCode != 0 || line is null)
        {
            throw new BenchException($"wrk {script} failed (exit code {exitCode}):{Environment.NewLine}{output.Trim()}");
        }

        using var json = JsonDocument.Parse(line[ResultMarker.Length..]);
        var root = json.RootElement;
        long Get(string name) => (long)root.GetProperty(name).GetDouble();
        var statuses = root.GetProperty("statuses").EnumerateObject()
            .ToDictionary(p => int.Parse(p.Name, CultureInfo.InvariantCulture), p => (long)p.Value.GetDouble());
        return new LoadResult(
            Get("requests"),
            TimeSpan.FromMicroseconds(Get("duration_us")),
            TimeSpan.FromMicroseconds(Get("p50_us")),
            TimeSpan.FromMicroseconds(Get("p99_us")),
            Get("status_errors") + Get("connect_errors") + Get("read_errors") + Get("write_errors") + Get("timeouts"),
            statuses);
    }
}
