using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Authsome.Bench.Api;
using Authsome.Bench.Database;
using Authsome.Bench.Hashing;
using Authsome.Bench.Load;
using Authsome.Bench.Report;
using Authsome.Hosting;
using Npgsql;

namespace Authsome.Bench;

/// <summary>
/// One benchmark run, start to finish: a throw-away PostgreSQL cluster, the hashing cost, the Release API on it,
/// seeding, every scenario side by side with its reference limit, and the results table. Everything it starts is
/// stopped and deleted at the end, also on failure or Ctrl+C.
/// </summary>
internal static class BenchRun
{
    private const string BasePath = "/v1/auth";
    private const string DatabaseName = "authsome_bench";

    public static async Task RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        Directory.CreateDirectory(settings.OutputDirectory);
        var machine = Machine.Read();
        Say($"machine: {machine.Cores} cores ({machine.CpuModel}), {machine.MemoryGiB:0.0} GiB, load average {machine.LoadAverage}");

        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { StopOnTerminationSignals = true }, cancellationToken);
        var connectionString = await cluster.CreateDatabaseAsync(DatabaseName, cancellationToken);
        Say($"PostgreSQL {cluster.ServerVersion} throw-away cluster on port {cluster.Port}");

        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var apiEnvironment = ApiConfiguration.Environment(connectionString + settings.ConnectionOptions, baseAddress, Path.Combine(settings.OutputDirectory, "mail"));
        var apiDirectory = Path.GetDirectoryName(settings.ApiAssembly)!;

        // Before the API starts, so nothing else of ours competes for the cores.
        var hashing = await HashCost.MeasureAsync(
            ApiConfiguration.Load(apiDirectory, apiEnvironment), BenchData.Password, settings.HashIterations, cancellationToken);
        Say($"one Argon2id verification (m={hashing.MemoryKiB} KiB, t={hashing.TimeCost}): {hashing.PerVerify.TotalMilliseconds:0.0} ms " +
            $"single-threaded; limit {hashing.LimitPerSecond(machine.Cores):0.0}/s on {machine.Cores} cores");

        var apiLog = Path.Combine(settings.OutputDirectory, "api.log");
        await using var api = await ApiProcess.StartAsync(settings.ApiAssembly, apiEnvironment, baseAddress, apiLog, cancellationToken);
        Say($"API (Release, environment {ApiConfiguration.EnvironmentName}) serving at {baseAddress}, pid {api.Id}, log {apiLog}");

        await using var seeder = await Seeder.OpenAsync(connectionString, hashing.PasswordHash, cancellationToken);
        await seeder.SeedAsync(1, settings.SmallDataSet, Say, cancellationToken);
        using var http = new HttpClient { BaseAddress = baseAddress };
        await PreflightAsync(http, settings.SmallDataSet, cancellationToken);

        var cpu = new CpuMeter(api.Id, CpuMeter.ReadPostmasterPid(cluster.DataDirectory));
        await using var monitor = NpgsqlDataSource.Create(connectionString + ";Application Name=authsome-bench");
        var run = new ScenarioRunner(settings, api, cpu, baseAddress, cluster.BinDirectory, connectionString, monitor);
        var results = new List<ScenarioResult>();
        void Add(ScenarioResult result)
        {
            results.Add(result);
            Say(ResultsReport.Describe(result));
        }

        var hashLimit = hashing.LimitPerSecond(machine.Cores);
        var hashLimitText = string.Create(CultureInfo.InvariantCulture, $"hashing limit {hashLimit:0.0}/s");

        Add(await run.HttpAsync("sign-up", "signup.lua", settings.Connections,
            () => [$"{BasePath}/signup", Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..12], BenchData.Password],
            hashLimitText, hashLimit, cancellationToken));
        Add(await run.HttpAsync("sign-in", "signin.lua", settings.Connections,
            () => [$"{BasePath}/signin", Text(settings.SmallDataSet), BenchData.Password],
            hashLimitText, hashLimit, cancellationToken));
        await MeasureMeAsync(run, settings, settings.SmallDataSet, Add, cancellationToken);

        await seeder.SeedAsync(settings.SmallDataSet + 1, settings.LargeDataSet, Say, cancellationToken);
        var (users, sessions) = await seeder.CountAsync(cancellationToken);
        Say($"tables now hold {users:N0} users and {sessions:N0} sessions");
        await PreflightAsync(http, settings.LargeDataSet, cancellationToken);
        var plans = await QueryPlans.ExplainMeAsync(connectionString, settings.LargeDataSet, cancellationToken);
        await MeasureMeAsync(run, settings, settings.LargeDataSet, Add, cancellationToken);

        // Refresh tokens are single-use: warm-up and run take disjoint ranges of sessions above the half of the large
        // set, which no scenario after this one needs.
        var warmupFirst = settings.LargeDataSet / 2 + 1;
        var runFirst = warmupFirst + settings.LargeDataSet / 4;
        var refreshThreads = Math.Min(settings.Threads, settings.Connections);
        var refreshRound = 0;
        Add(await run.HttpAsync("refresh", "refresh.lua", settings.Connections,
            () => [$"{BasePath}/refresh", Text(refreshRound++ == 0 && settings.WarmupSeconds > 0 ? warmupFirst : runFirst), Text(refreshThreads), BenchData.RefreshTokenPrefix],
            null, null, cancellationToken));

        var storm = await run.HttpAsync("sign-in storm", "signin.lua", settings.StormConnections,
            () => [$"{BasePath}/signin", Text(settings.SmallDataSet), BenchData.Password, "count-statuses"],
            hashLimitText, hashLimit, cancellationToken, warmup: false);
        // Under a storm most answers are quick 503s: what compares with the hashing limit is the sign-ins that succeeded.
        storm = storm with { Ratio = storm.Load.Count(s => s is >= 200 and < 300) / storm.Load.Elapsed.TotalSeconds / hashLimit };
        Say(ResultsReport.DescribeStorm(storm));

        var report = new ResultsReport(
            machine, Machine.ReadLoadAverage(), cluster.ServerVersion, settings, hashing, results, storm, plans, started.Elapsed);
        var markdown = report.ToMarkdown();
        var resultsFile = Path.Combine(settings.OutputDirectory, "results.md");
        await File.WriteAllTextAsync(resultsFile, markdown, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Say($"written to {resultsFile} ({started.Elapsed.TotalMinutes:0.0} min)");
    }

    /// <summary>GET /me through the API, then the same lookup straight against PostgreSQL: as the store does it, and in one join.</summary>
    private static async Task MeasureMeAsync(ScenarioRunner run, BenchSettings settings, int dataSet, Action<ScenarioResult> add, CancellationToken cancellationToken)
    {
        var size = SizeName(dataSet);
        var variables = new Dictionary<string, string> { ["users"] = Text(dataSet), ["prefix"] = BenchData.AccessTokenPrefix };
        var databaseName = $"pgbench: /me's 2 queries, {size}";
        var api = await run.HttpAsync($"GET /me, {size} users+sessions", "me.lua", settings.Connections,
            () => [$"{BasePath}/me", Text(dataSet), BenchData.AccessTokenPrefix], null, null, cancellationToken);
        var database = await run.DatabaseAsync(databaseName, "me.sql", variables, cancellationToken);
        var joined = await run.DatabaseAsync($"pgbench: same in 1 join, {size}", "me-join.sql", variables, cancellationToken);
        add(api with { ComparedWith = databaseName, Ratio = api.Load.PerSecond / database.Load.PerSecond });
        add(database);
        add(joined with { ComparedWith = databaseName, Ratio = joined.Load.PerSecond / database.Load.PerSecond });
    }

    /// <summary>One request of each kind the scenarios rely on, so that a broken seed fails loudly instead of as a wall of 401s.</summary>
    private static async Task PreflightAsync(HttpClient http, int dataSet, CancellationToken cancellationToken)
    {
        using var me = new HttpRequestMessage(HttpMethod.Get, $"{BasePath.TrimStart('/')}/me");
        me.Headers.Authorization = new("Bearer", BenchData.AccessToken(dataSet));
        using var meResponse = await http.SendAsync(me, cancellationToken);
        var body = await meResponse.Content.ReadAsStringAsync(cancellationToken);
        if (meResponse.StatusCode != HttpStatusCode.OK || !body.Contains(BenchData.Email(dataSet), StringComparison.Ordinal))
        {
            throw new BenchException($"GET /me with seeded session {dataSet} answered {(int)meResponse.StatusCode}: {body}");
        }

        using var signIn = await http.PostAsJsonAsync(
            $"{BasePath.TrimStart('/')}/signin", new { email = BenchData.Email(dataSet), password = BenchData.Password }, cancellationToken);
        if (signIn.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchException($"Signing in as seeded user {dataSet} answered {(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static string SizeName(int count) => count switch
    {
        >= 1_000_000 when count % 1_000_000 == 0 => $"{count / 1_000_000}M",
        >= 1_000 when count % 1_000 == 0 => $"{count / 1_000}k",
        _ => Text(count),
    };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Say(string message) => Console.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");
}
