using System.Globalization;
using System.Text;
using Authsome.Bench.Api;
using Authsome.Bench.Database;
using Authsome.Bench.Hashing;
using Authsome.Bench.Load;
using Authsome.Bench.Report;
using Authsome.Hosting;
using static Authsome.Bench.BenchRun;

namespace Authsome.Bench;

/// <summary>
/// Two builds of Authsome.Api side by side (<c>--api</c> is A, <c>--compare</c> is B): one throw-away cluster, one
/// database seeded with the <c>--large</c> set, both APIs on it, and GET /me (by wrk, then at a fixed rate for its
/// latency), refresh, sign-in and the storm measured in alternating rounds (A then B, then B then A, ...), so that
/// whatever else the machine does in a given minute falls on both; or, with <c>--order together</c>, both at once in
/// every round. What a change buys is the ratio B/A of each round and their median, with the load average beside each
/// round.
/// </summary>
internal static class AbRun
{
    private const string BasePath = "/v1/auth";

    public static async Task RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.OutputDirectory);
        var machine = Machine.Read();
        Say($"A/B: A = {settings.ApiAssembly}, B = {DescribeB(settings)}; load average {machine.LoadAverage}");

        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { StopOnTerminationSignals = true }, cancellationToken);
        var database = await cluster.CreateDatabaseAsync("authsome_bench_ab", cancellationToken);
        var postmaster = CpuMeter.ReadPostmasterPid(cluster.DataDirectory);
        var mail = Path.Combine(settings.OutputDirectory, "mail");
        var addressA = new Uri($"http://127.0.0.1:{FreePort()}/");
        var addressB = new Uri($"http://127.0.0.1:{FreePort()}/");
        var environmentA = ApiConfiguration.Environment(database + settings.ConnectionOptions, addressA, mail);
        var environmentB = ApiConfiguration.Environment(database + (settings.CompareOptions ?? settings.ConnectionOptions), addressB, mail);
        foreach (var (name, value) in settings.CompareEnvironment)
        {
            environmentB[name] = value;
        }

        var passwordHash = await HashCost.HashAsync(
            ApiConfiguration.Load(Path.GetDirectoryName(settings.ApiAssembly)!, environmentA), BenchData.Password, cancellationToken);

        // A migrates the database before B starts, so the two never race for the migration lock.
        await using var a = await BenchTarget.StartAsync("a", settings, database, cluster.BinDirectory, postmaster, environmentA, addressA, passwordHash, cancellationToken);
        await using var b = await BenchTarget.StartAsync(
            "b", settings with { ApiAssembly = settings.CompareAssembly ?? settings.ApiAssembly }, database, cluster.BinDirectory, postmaster, environmentB, addressB, passwordHash, cancellationToken);
        Say($"A pid {a.Api.Id} at {addressA}, B pid {b.Api.Id} at {addressB}");
        await a.Seeder.SeedAsync(1, settings.LargeDataSet, m => Say(m), cancellationToken);
        await PreflightAsync(a.BaseAddress, settings.SmallDataSet, cancellationToken);
        await PreflightAsync(b.BaseAddress, settings.SmallDataSet, cancellationToken);

        // GET /me draws from sessions 1 .. small (a small working set), and "GET /me, wide" from the upper half of the
        // set (random tokens over many rows: buffer-cache misses, and each session's first request of the run).
        // Refresh takes a fresh slice of the sessions between for every wrk run (refresh tokens are single-use),
        // warm-ups included, so it never rotates a session GET /me uses.
        var wide = settings.LargeDataSet / 2;
        var slice = (wide - settings.SmallDataSet) / (2 * (settings.Rounds + ScenarioRunner.MaxWarmups));
        var nextSlice = settings.SmallDataSet + 1;
        var threads = Text(Math.Min(settings.Threads, settings.Connections));
        string[] MeArguments() => [$"{BasePath}/me", Text(settings.SmallDataSet), BenchData.AccessTokenPrefix];
        string[] WideMeArguments() => [$"{BasePath}/me", Text(settings.LargeDataSet - wide), BenchData.AccessTokenPrefix, Text(wide + 1)];
        string[] RefreshArguments()
        {
            var first = nextSlice;
            nextSlice += slice;
            return [$"{BasePath}/refresh", Text(first), threads, BenchData.RefreshTokenPrefix];
        }

        string[] SignInArguments() => [$"{BasePath}/signin", Text(settings.SmallDataSet), BenchData.Password];
        string[] StormArguments() => [$"{BasePath}/signin", Text(settings.SmallDataSet), BenchData.Password, "count-statuses"];

        var rows = new List<(int Round, string Scenario, ScenarioResult A, ScenarioResult B, string Load)>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            foreach (var (scenario, script, arguments) in (ValueTuple<string, string, Func<string[]>>[])
                     [("GET /me", "me.lua", MeArguments), ("GET /me, wide", "me.lua", WideMeArguments), ("refresh", "refresh.lua", RefreshArguments), ("sign-in", "signin.lua", SignInArguments), (Storm, "signin.lua", StormArguments)])
            {
                var load = Machine.ReadLoadAverage();
                var connections = scenario == Storm ? settings.StormConnections : settings.Connections;
                var warmup = round == 0 && scenario != Storm && settings.WarmupSeconds > 0;
                var (resultA, resultB) = settings.Together
                    ? await TogetherAsync(a, b, scenario, script, connections, arguments, warmup, cancellationToken)
                    : await InTurnAsync(a, b, round, scenario, script, connections, arguments, warmup, cancellationToken);

                var row = (round + 1, scenario, resultA, resultB, load);
                rows.Add(row);
                Say(Describe(row));
                // Latency needs each API on its own: not measured when the two run together.
                if (scenario == "GET /me" && !settings.Together)
                {
                    // Latency at a fixed rate, the same for both: half of what the slower of the two just reached.
                    var rate = Math.Min(resultA.Load.PerSecond, resultB.Load.PerSecond) / 2;
                    var paced = new Dictionary<BenchTarget, ScenarioResult>();
                    foreach (var target in Turns(a, b, round))
                    {
                        paced[target] = await target.Runner.PacedAsync(
                            $"{Paced} {target.Name}", $"{BasePath}/me",
                            () => BenchData.AccessToken(Random.Shared.NextInt64(1, settings.SmallDataSet + 1)), rate, cancellationToken);
                    }

                    var pacedRow = (round + 1, Paced, paced[a], paced[b], Machine.ReadLoadAverage());
                    rows.Add(pacedRow);
                    Say(Describe(pacedRow));
                }
            }
        }

        var markdown = Report(settings, machine, rows);
        var file = Path.Combine(settings.OutputDirectory, "ab.md");
        await File.WriteAllTextAsync(file, markdown, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Say($"written to {file}");
    }

    /// <summary>Who goes first alternates by round, so that a trend in the machine's load favours neither.</summary>
    private static BenchTarget[] Turns(BenchTarget a, BenchTarget b, int round) => round % 2 == 0 ? [a, b] : [b, a];

    /// <summary>One after the other, in <see cref="Turns"/>.</summary>
    private static async Task<(ScenarioResult A, ScenarioResult B)> InTurnAsync(
        BenchTarget a, BenchTarget b, int round, string scenario, string script, int connections, Func<string[]> arguments, bool warmup, CancellationToken cancellationToken)
    {
        var results = new Dictionary<BenchTarget, ScenarioResult>();
        foreach (var target in Turns(a, b, round))
        {
            results[target] = await target.Runner.HttpAsync($"{scenario} {target.Name}", script, connections, arguments, cancellationToken, warmup);
        }

        return (results[a], results[b]);
    }

    /// <summary>
    /// Both at once, each under half the connections, so that whatever the host does in those seconds (a neighbour, a
    /// change of speed) falls on both alike: their CPU per request then compares builds, not minutes. Each warms up on
    /// its own first, since adaptive warm-ups end at different times. PostgreSQL serves both, so each row's database
    /// CPU is the two APIs' together and the report leaves it out.
    /// </summary>
    private static async Task<(ScenarioResult A, ScenarioResult B)> TogetherAsync(
        BenchTarget a, BenchTarget b, string scenario, string script, int connections, Func<string[]> arguments, bool warmup, CancellationToken cancellationToken)
    {
        var half = Math.Max(1, connections / 2);
        if (warmup)
        {
            await a.Runner.WarmUpAsync(script, half, arguments, cancellationToken);
            await b.Runner.WarmUpAsync(script, half, arguments, cancellationToken);
        }

        var runA = a.Runner.HttpAsync($"{scenario} {a.Name}", script, half, arguments, cancellationToken, warmup: false);
        var runB = b.Runner.HttpAsync($"{scenario} {b.Name}", script, half, arguments, cancellationToken, warmup: false);
        return (await runA, await runB);
    }

    private const string Storm = "sign-in storm";

    private const string Paced = "GET /me paced at half rate";

    // The storm's rate is its successful sign-ins per second: nearly every answer is a quick 503.
    private static double Rate(string scenario, ScenarioResult r) =>
        scenario == Storm ? r.Load.Count(s => s is >= 200 and < 300) / r.Load.Elapsed.TotalSeconds : r.Load.PerSecond;

    private static string Describe((int Round, string Scenario, ScenarioResult A, ScenarioResult B, string Load) row) =>
        string.Create(CultureInfo.InvariantCulture,
            $"round {row.Round} {row.Scenario}: A {Rate(row.Scenario, row.A):0.0}/s ({row.A.ApiCpuPerRequest.TotalMicroseconds:0} µs API CPU, {row.A.Load.Errors} errors), " +
            $"B {Rate(row.Scenario, row.B):0.0}/s ({row.B.ApiCpuPerRequest.TotalMicroseconds:0} µs, {row.B.Load.Errors} errors): " +
            $"B/A rate {Rate(row.Scenario, row.B) / Rate(row.Scenario, row.A):0.00}, API CPU {row.B.ApiCpuPerRequest / row.A.ApiCpuPerRequest:0.00}; " +
            $"p99 A {row.A.Load.P99.TotalMilliseconds:0.0} ms, B {row.B.Load.P99.TotalMilliseconds:0.0} ms; peak RSS A {Mebibytes(row.A)} MiB, B {Mebibytes(row.B)} MiB; load {row.Load}");

    private static string Mebibytes(ScenarioResult result) => result.PeakMemoryBytes is { } bytes ? ResultsReport.MiB(bytes) : "–";

    /// <summary>What B is: its build, and the connection options or environment it runs with that A does not.</summary>
    private static string DescribeB(BenchSettings settings) =>
        $"`{settings.CompareAssembly ?? settings.ApiAssembly}`"
        + (settings.CompareOptions is null ? string.Empty : $", connection options `{settings.CompareOptions.TrimStart(';')}`")
        + (settings.CompareEnvironment.Count == 0 ? string.Empty : $", environment `{string.Join(";", settings.CompareEnvironment.Select(e => $"{e.Key}={e.Value}"))}`");

    private static string Report(BenchSettings settings, Machine machine, List<(int Round, string Scenario, ScenarioResult A, ScenarioResult B, string Load)> rows)
    {
        var md = new StringBuilder();
        md.AppendLine(settings.Together
            ? string.Create(CultureInfo.InvariantCulture, $"# A/B: {settings.Rounds} rounds of A and B at once, {settings.DurationSeconds} s each, {settings.Connections / 2} connections each, {settings.LargeDataSet:N0} users and sessions")
            : string.Create(CultureInfo.InvariantCulture, $"# A/B: {settings.Rounds} alternating rounds, {settings.DurationSeconds} s each, {settings.Connections} connections, {settings.LargeDataSet:N0} users and sessions"));
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- A: `{settings.ApiAssembly}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- B: {DescribeB(settings)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- {machine.Cores} cores; load average {machine.LoadAverage} at the start, {Machine.ReadLoadAverage()} at the end");
        md.AppendLine();
        md.AppendLine(settings.Together
            ? "(The storm's rate is its successful sign-ins per second, its errors the shed 503s; API µs/req is per answer. A and B ran at the same time: the database served both, so its CPU per request is not either's and shows as –.)"
            : "(The storm's rate is its successful sign-ins per second, its errors the shed 503s; API µs/req is per answer.)");
        md.AppendLine();
        md.AppendLine("| Round | Scenario | A req/s | B req/s | B/A rate | A API µs/req | B API µs/req | B/A API CPU | A DB µs/req | B DB µs/req | A p99 ms | B p99 ms | A/B peak RSS MiB | Errors A/B | Load average |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|");
        foreach (var r in rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Round} | {r.Scenario} | {Rate(r.Scenario, r.A):0} | {Rate(r.Scenario, r.B):0} | {Rate(r.Scenario, r.B) / Rate(r.Scenario, r.A):0.00} | " +
                $"{r.A.ApiCpuPerRequest.TotalMicroseconds:0} | {r.B.ApiCpuPerRequest.TotalMicroseconds:0} | {r.B.ApiCpuPerRequest / r.A.ApiCpuPerRequest:0.00} | " +
                $"{DatabaseCpu(settings, r.A)} | {DatabaseCpu(settings, r.B)} | " +
                $"{r.A.Load.P99.TotalMilliseconds:0.0} | {r.B.Load.P99.TotalMilliseconds:0.0} | {Mebibytes(r.A)}/{Mebibytes(r.B)} | {r.A.Load.Errors}/{r.B.Load.Errors} | {r.Load} |");
        }

        md.AppendLine();
        foreach (var scenario in rows.Select(r => r.Scenario).Distinct())
        {
            var of = rows.Where(r => r.Scenario == scenario).ToList();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"- {scenario}: median B/A rate {Median(of.Select(r => Rate(scenario, r.B) / Rate(scenario, r.A))):0.00}, " +
                $"median B/A API CPU per request {Median(of.Select(r => r.B.ApiCpuPerRequest / r.A.ApiCpuPerRequest)):0.00}, " +
                $"median p99 A {Median(of.Select(r => r.A.Load.P99.TotalMilliseconds)):0.0} ms and B {Median(of.Select(r => r.B.Load.P99.TotalMilliseconds)):0.0} ms, " +
                $"highest peak RSS A {Mebibytes(of.MaxBy(r => r.A.PeakMemoryBytes).A)} MiB and B {Mebibytes(of.MaxBy(r => r.B.PeakMemoryBytes).B)} MiB");
        }

        foreach (var r in rows.Where(r => r.Scenario == Paced))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Round {r.Round}, paced at {r.A.Load.PerSecond:0}/s: A: {r.A.Notes} B: {r.B.Notes}");
        }

        return md.ToString();
    }

    private static string DatabaseCpu(BenchSettings settings, ScenarioResult result) =>
        settings.Together ? "–" : result.DatabaseCpuPerRequest.TotalMicroseconds.ToString("0", CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
