using Authsome.Bench.Api;
using Authsome.Bench.Report;

namespace Authsome.Bench.Load;

/// <summary>Runs an HTTP scenario with wrk: an unmeasured warm-up (JIT, pools), then the measured run with the API's peak memory reset before it.</summary>
internal sealed class ScenarioRunner(BenchSettings settings, ApiProcess api, Uri baseAddress)
{
    /// <param name="name">The row's name.</param>
    /// <param name="script">The Lua script in the scripts directory.</param>
    /// <param name="connections">Concurrent connections.</param>
    /// <param name="arguments">The script's arguments, asked for once per wrk invocation (warm-up, then run).</param>
    /// <param name="comparedWith">The reference limit in words, or null.</param>
    /// <param name="limit">The reference limit in requests per second, or null.</param>
    /// <param name="cancellationToken">Stops wrk.</param>
    /// <param name="warmup">Whether to warm up first.</param>
    public async Task<ScenarioResult> HttpAsync(
        string name, string script, int connections, Func<string[]> arguments, string? comparedWith, double? limit,
        CancellationToken cancellationToken, bool warmup = true)
    {
        if (warmup && settings.WarmupSeconds > 0)
        {
            await Wrk.RunAsync(settings.ScriptsDirectory, script, baseAddress, connections, settings.Threads, settings.WarmupSeconds, arguments(), cancellationToken);
        }

        api.ResetPeakMemory();
        var load = await Wrk.RunAsync(settings.ScriptsDirectory, script, baseAddress, connections, settings.Threads, settings.DurationSeconds, arguments(), cancellationToken);
        return new ScenarioResult(name, connections, load, api.ReadPeakMemory(), comparedWith, limit is { } l ? load.PerSecond / l : null);
    }
}
