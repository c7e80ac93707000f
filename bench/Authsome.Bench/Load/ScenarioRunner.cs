using Authsome.Bench.Api;
using Authsome.Bench.Hashing;
using Authsome.Bench.Report;
using Npgsql;

namespace Authsome.Bench.Load;

/// <summary>
/// Runs the measurements: HTTP scenarios with wrk (an unmeasured warm-up for JIT and pools, then the measured run
/// with the API's peak memory reset before it) and database scenarios with pgbench, each with the CPU time the API
/// and PostgreSQL spent on it.
/// </summary>
internal sealed class ScenarioRunner(
    BenchSettings settings, ApiProcess api, CpuMeter cpu, Uri baseAddress, string postgresBin, string connectionString, NpgsqlDataSource monitor,
    string applicationName = ScenarioRunner.StoreApplicationName)
{
    /// <summary>The <c>Application Name</c> the PostgreSQL store gives its connections unless told otherwise: whose connections the rows count.</summary>
    private const string StoreApplicationName = "authsome";

    /// <summary>The most warm-up runs before a measured run; each asks the scenario for its arguments again.</summary>
    public const int MaxWarmups = 8;

    /// <param name="name">The row's name.</param>
    /// <param name="script">The Lua script in the scripts directory.</param>
    /// <param name="connections">Concurrent connections.</param>
    /// <param name="arguments">The script's arguments, asked for once per wrk invocation (each warm-up, then the run).</param>
    /// <param name="cancellationToken">Stops wrk.</param>
    /// <param name="warmup">Whether to warm up first.</param>
    /// <param name="limitBeside">
    /// A reference limit to measure right before the measured run and right after it, each time once the API and the
    /// database have finished what the last wrk run left behind (<see cref="ScenarioResult.LimitBeside"/>); null for none.
    /// </param>
    public async Task<ScenarioResult> HttpAsync(
        string name, string script, int connections, Func<string[]> arguments, CancellationToken cancellationToken, bool warmup = true,
        Func<CancellationToken, Task<double>>? limitBeside = null)
    {
        if (warmup && settings.WarmupSeconds > 0)
        {
            await WarmUpAsync(script, connections, arguments, cancellationToken);
        }

        var limitBefore = 0.0;
        if (limitBeside is not null)
        {
            await WaitUntilQuietAsync(cancellationToken);
            limitBefore = await limitBeside(cancellationToken);
        }

        api.ResetPeakMemory();
        var before = cpu.Sample();
        var load = await Wrk.RunAsync(settings.ScriptsDirectory, script, baseAddress, connections, settings.Threads, settings.DurationSeconds, arguments(), cancellationToken);
        var used = cpu.Sample() - before;
        var result = new ScenarioResult(name, connections, load, api.ReadPeakMemory(), used)
        {
            ApiConnections = await CountApiConnectionsAsync(cancellationToken),
        };
        if (limitBeside is null)
        {
            return result;
        }

        await WaitUntilQuietAsync(cancellationToken);
        return result with { LimitBeside = new LimitBeside(limitBefore, await limitBeside(cancellationToken)) };
    }

    /// <summary>
    /// Waits (at most <see cref="IdleWaitLimit"/>) until the API and PostgreSQL together spend under a tenth of a core:
    /// when wrk stops, the requests it left queued are still hashed, and the database still writes and vacuums what they
    /// stored; a limit measured meanwhile would be measured against them.
    /// </summary>
    private async Task WaitUntilQuietAsync(CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromMilliseconds(200);
        var deadline = DateTime.UtcNow + IdleWaitLimit;
        var previous = cpu.Sample();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(window, cancellationToken);
            var now = cpu.Sample();
            var used = now - previous;
            if (used.Api + used.Database < window / 10)
            {
                return;
            }

            previous = now;
        }
    }

    private static readonly TimeSpan IdleWaitLimit = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Unmeasured runs of <see cref="BenchSettings.WarmupSeconds"/> each, at least three and at most
    /// <see cref="MaxWarmups"/>, until two runs in a row fail to bring the API's CPU per request a tenth below the best
    /// so far. On a loaded machine the JIT's tier-up of a path takes far longer than a few seconds: the first seconds
    /// of GET /me cost 3-10 times the CPU per request of later ones (bench/RESULTS.md), which a fixed warm-up left in
    /// the figures.
    /// </summary>
    public async Task WarmUpAsync(string script, int connections, Func<string[]> arguments, CancellationToken cancellationToken)
    {
        var best = double.MaxValue;
        var runsWithoutGain = 0;
        for (var i = 0; i < MaxWarmups && runsWithoutGain < 2; i++)
        {
            var before = cpu.Sample();
            var load = await Wrk.RunAsync(settings.ScriptsDirectory, script, baseAddress, connections, settings.Threads, settings.WarmupSeconds, arguments(), cancellationToken);
            var perRequest = (cpu.Sample() - before).Api.TotalMicroseconds / Math.Max(1, load.Requests);
            if (perRequest < best * 0.9)
            {
                best = perRequest;
                runsWithoutGain = 0;
            }
            else
            {
                runsWithoutGain++;
            }
        }
    }

    /// <summary>
    /// GET <paramref name="path"/> at a fixed <paramref name="rate"/> with <see cref="PacedClient"/>, for latency that a
    /// stall cannot hide, after an unmeasured paced warm-up (the driver's own HTTP client is cold until then: its JIT
    /// would count as the API's latency). Then, when <c>dotnet-counters</c> is installed, the same rate once more with
    /// the runtime counters of the API and of the driver recorded (<see cref="RuntimeCounters"/>), so the tail can be
    /// told apart: the API's GC or thread pool, the client's, or neither (the machine). That second run is only the
    /// explanation: watching costs the API (its metrics callbacks are compiled and tiered up while the session runs, and
    /// the tool's two processes share the cores): in two quick runs of one build, the p99 at half rate was 10.5 ms
    /// watched and 3.2 ms unwatched.
    /// </summary>
    public async Task<ScenarioResult> PacedAsync(string name, string path, Func<string> bearerToken, double rate, CancellationToken cancellationToken)
    {
        using var client = await PacedClient.ConnectAsync(baseAddress, path, bearerToken, settings.Connections, cancellationToken);
        await client.RunAsync(rate, settings.WarmupSeconds, cancellationToken);
        var (paced, used, peak, stall) = await MeasurePacedAsync(client, rate, cancellationToken);
        var notes = FormattableString.Invariant(
            $"the client handed requests to a connection late by {paced.Lateness.P50.TotalMilliseconds:0.00} ms (p50) and {paced.Lateness.P99.TotalMilliseconds:0.00} ms (p99) of its own timer, counted in the latencies; ") + FormattableString.Invariant(
            $"the slowest 1 % were due in {paced.Tail.Windows} of the run's 100 ms windows, {paced.Tail.FullestShare:P0} of them in the one from {paced.Tail.FullestWindow.TotalSeconds:0.0} s") +
            (stall is null ? "." : $"; {stall}.");
        if (await ObservePacedAsync(client, rate, cancellationToken) is { } observed)
        {
            notes += " " + observed;
        }

        return new ScenarioResult(name, settings.Connections, paced.Load, peak, used) { Notes = notes };
    }

    /// <summary>
    /// One measured paced run, with the API's CPU and peak memory over it, no collection in the driver, and who used
    /// the cores in the window that held most of its tail (<see cref="CpuTimeline"/>, started with the run so that its
    /// windows are the run's).
    /// </summary>
    private async Task<(PacedResult Paced, CpuSample Used, long? PeakMemory, string? Stall)> MeasurePacedAsync(PacedClient client, double rate, CancellationToken cancellationToken)
    {
        api.ResetPeakMemory();
        using (ClientCollections.Paused())
        {
            var before = cpu.Sample();
            await using var timeline = CpuTimeline.Start(cpu);
            var paced = await client.RunAsync(rate, settings.DurationSeconds, cancellationToken);
            await timeline.StopAsync();
            return (paced, cpu.Sample() - before, api.ReadPeakMemory(), timeline.Describe(paced.Tail.FullestWindow));
        }
    }

    /// <summary>
    /// The paced run again with the runtime counters recorded, attached before a warm-up that is longer by
    /// <see cref="CountersAttachSeconds"/> so that attaching is not measured; summed over the measured seconds only.
    /// Null without <c>dotnet-counters</c>.
    /// </summary>
    private async Task<string?> ObservePacedAsync(PacedClient client, double rate, CancellationToken cancellationToken)
    {
        var collecting = CountersAttachSeconds + settings.WarmupSeconds + settings.DurationSeconds + 1;
        var apiCounters = RuntimeCounters.CollectAsync(api.Id, collecting, Path.Combine(settings.OutputDirectory, "paced-counters-api.csv"), cancellationToken);
        var clientCounters = RuntimeCounters.CollectAsync(
            Environment.ProcessId, collecting, Path.Combine(settings.OutputDirectory, "paced-counters-driver.csv"), cancellationToken);
        await client.RunAsync(rate, CountersAttachSeconds + settings.WarmupSeconds, cancellationToken);
        var from = DateTime.Now;
        var (paced, _, _, _) = await MeasurePacedAsync(client, rate, cancellationToken);
        var until = DateTime.Now;

        string? Summary(Collected? collected) =>
            collected is null ? null : collected.Failure ?? RuntimeCounters.Summarize(collected.Lines, from, until);
        var (apiSummary, clientSummary) = (Summary(await apiCounters), Summary(await clientCounters));
        return apiSummary is null
            ? null
            : FormattableString.Invariant(
                $"Watched by dotnet-counters at the same rate (p99 {paced.Load.P99.TotalMilliseconds:0.0} ms with the tool attached): API: {apiSummary}. Driver (the paced client): {clientSummary}.");
    }

    /// <summary>Seconds the observed run's warm-up is longer by, for <c>dotnet-counters</c> to start and attach before it is measured.</summary>
    private const int CountersAttachSeconds = 3;

    /// <summary>Runs a pgbench script (in the scripts directory) with the scenarios' concurrency and duration, straight against the database.</summary>
    public async Task<ScenarioResult> DatabaseAsync(string name, string script, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        var before = cpu.Sample();
        var load = await PgBench.RunAsync(
            postgresBin, connectionString, Path.Combine(settings.ScriptsDirectory, script), settings.Connections, settings.Threads,
            settings.DurationSeconds, variables, settings.OutputDirectory, cancellationToken);
        var used = cpu.Sample() - before;
        return new ScenarioResult(name, settings.Connections, load, null, used with { Api = TimeSpan.Zero });
    }

    /// <summary>
    /// How many connections the API's pool holds open now. Npgsql closes idle ones only after five minutes, so right
    /// after a run this is about the most the run needed at once.
    /// </summary>
    private async Task<int> CountApiConnectionsAsync(CancellationToken cancellationToken)
    {
        await using var command = monitor.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()");
        command.Parameters.Add(new() { Value = applicationName });
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
