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

namespace Authsome.Bench;

/// <summary>
/// One benchmark run, start to finish: a throw-away PostgreSQL cluster, the hashing cost, the Release API on it,
/// seeding, every scenario side by side with its reference limit, and the results table. Everything it starts is
/// stopped and deleted at the end, also on failure or Ctrl+C.
/// </summary>
internal static class BenchRun
{
    private const string BasePath = "/v1/auth";

    /// <summary>The floor rows' name, before the data set's (<see cref="FloorTarget"/>).</summary>
    internal const string FloorName = "GET /me's floor: bare ASP.NET Core + Npgsql, the join";

    public static async Task RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        Directory.CreateDirectory(settings.OutputDirectory);
        var machine = Machine.Read();
        Say($"machine: {machine.Cores} cores ({machine.CpuModel}), {machine.MemoryGiB:0.0} GiB, load average {machine.LoadAverage}");

        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { StopOnTerminationSignals = true }, cancellationToken);
        var smallDatabase = await cluster.CreateDatabaseAsync("authsome_bench_small", cancellationToken);
        var largeDatabase = await cluster.CreateDatabaseAsync("authsome_bench_large", cancellationToken);
        var postmaster = CpuMeter.ReadPostmasterPid(cluster.DataDirectory);
        Say($"PostgreSQL {cluster.ServerVersion} throw-away cluster on port {cluster.Port}");

        var mail = Path.Combine(settings.OutputDirectory, "mail");
        var smallAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var largeAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var smallEnvironment = ApiConfiguration.Environment(smallDatabase + settings.ConnectionOptions, smallAddress, mail);
        var largeEnvironment = ApiConfiguration.Environment(largeDatabase + settings.ConnectionOptions, largeAddress, mail);

        var apiConfiguration = ApiConfiguration.Load(Path.GetDirectoryName(settings.ApiAssembly)!, smallEnvironment);
        var passwordHash = await HashCost.HashAsync(apiConfiguration, BenchData.Password, cancellationToken);
        await using var small = await BenchTarget.StartAsync(
            "small", settings, smallDatabase, cluster.BinDirectory, postmaster, smallEnvironment, smallAddress, passwordHash, cancellationToken);
        await using var large = await BenchTarget.StartAsync(
            "large", settings, largeDatabase, cluster.BinDirectory, postmaster, largeEnvironment, largeAddress, passwordHash, cancellationToken);
        Say($"two APIs (Release, environment {ApiConfiguration.EnvironmentName}): {smallAddress} on the small database (pid {small.Api.Id}), " +
            $"{largeAddress} on the large one (pid {large.Api.Id}); logs in {settings.OutputDirectory}");
        await using var floor = settings.FloorAssembly is { } floorAssembly
            ? await FloorTarget.StartAsync(
                floorAssembly, settings, smallDatabase, small.Monitor, cluster.BinDirectory, postmaster, new Uri($"http://127.0.0.1:{FreePort()}/"), cancellationToken)
            : null;
        if (floor is not null)
        {
            Say($"GET /me's floor at {floor.BaseAddress} on the small database (pid {floor.Server.Id})");
        }

        await small.Seeder.SeedAsync(1, settings.SmallDataSet, m => Say($"small: {m}"), cancellationToken);
        await large.Seeder.SeedAsync(1, settings.LargeDataSet, m => Say($"large: {m}"), cancellationToken);
        await PreflightAsync(small.BaseAddress, settings.SmallDataSet, cancellationToken);
        await PreflightAsync(large.BaseAddress, settings.LargeDataSet, cancellationToken);
        if (floor is not null)
        {
            using var http = new HttpClient { BaseAddress = floor.BaseAddress };
            await PreflightMeAsync(http, settings.SmallDataSet, cancellationToken);
        }

        var plans = await QueryPlans.ExplainAsync(largeDatabase, settings.LargeDataSet, cancellationToken);
        Say(await SeedingFlush.RunAsync(smallDatabase, cancellationToken));

        // Once the seeding's writes are on disk and with the APIs idle: one verification's time, and how far the cores scale
        // (the ratios use the limit measured beside each scenario, below).
        var hashing = await HashCost.MeasureAsync(apiConfiguration, BenchData.Password, settings.HashIterations, machine.Cores, cancellationToken);
        Say($"one Argon2id verification (m={hashing.MemoryKiB} KiB, t={hashing.TimeCost}): {hashing.PerVerify.TotalMilliseconds:0.0} ms " +
            $"single-threaded ({hashing.SerialLimitPerSecond(machine.Cores):0.0}/s on {machine.Cores} cores if they scaled); limit {hashing.LimitPerSecond:0.0}/s measured on {machine.Cores} cores at once");

        var results = new List<ScenarioResult>();
        void Add(ScenarioResult result)
        {
            results.Add(result);
            Say(ResultsReport.Describe(result));
        }

        // Each hashing scenario against the limit measured right before and right after its measured run.
        await using var probe = await HashingProbe.CreateAsync(apiConfiguration, BenchData.Password, settings.HashIterations, machine.Cores, cancellationToken);
        var signUp = AgainstLimit(await small.Runner.HttpAsync("sign-up", "signup.lua", settings.Connections,
            () => [$"{BasePath}/signup", Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..12], BenchData.Password],
            cancellationToken, limitBeside: probe.MeasureAsync));
        Say(ResultsReport.Describe(signUp));
        var signIn = AgainstLimit(await small.Runner.HttpAsync("sign-in", "signin.lua", settings.Connections,
            () => [$"{BasePath}/signin", Text(settings.SmallDataSet), BenchData.Password],
            cancellationToken, limitBeside: probe.MeasureAsync));
        Say(ResultsReport.Describe(signIn));
        foreach (var row in await MeasureMeAsync(small, large, floor, settings, cancellationToken))
        {
            Add(row);
        }

        // Refresh tokens are single-use: every wrk run of refresh (each warm-up, then the measured one) takes a slice
        // of its own of the large set's upper half, which GET /me no longer needs.
        var refreshSlice = settings.LargeDataSet / 2 / (ScenarioRunner.MaxWarmups + 1);
        var nextRefreshFirst = settings.LargeDataSet / 2 + 1;
        var refreshThreads = Math.Min(settings.Threads, settings.Connections);
        string NextRefreshFirst()
        {
            var first = nextRefreshFirst;
            nextRefreshFirst += refreshSlice;
            return Text(first);
        }

        var refresh = await large.Runner.HttpAsync($"refresh ({SizeName(settings.LargeDataSet)} sessions)", "refresh.lua", settings.Connections,
            () => [$"{BasePath}/refresh", NextRefreshFirst(), Text(refreshThreads), BenchData.RefreshTokenPrefix],
            cancellationToken);
        // The store's rotation straight against the database, on the sessions below the half that GET /me used and
        // no longer needs (the refresh rows above took the upper half). The script rotates each session again with
        // its next generation of tokens when it has used them all, so it needs a whole number of sessions per client.
        var rotationSessions = settings.LargeDataSet / 2 / settings.Connections * settings.Connections;
        var rotation = await large.Runner.DatabaseAsync(
            $"pgbench: refresh's statements, {SizeName(settings.LargeDataSet)} sessions", "refresh.sql",
            new Dictionary<string, string>
            {
                ["first"] = "1", ["sessions"] = Text(rotationSessions), ["clients"] = Text(settings.Connections), ["k"] = "0",
                ["prefix"] = BenchData.RefreshTokenPrefix,
            },
            cancellationToken);
        Add(refresh with { ComparedWith = rotation.Name, Ratio = refresh.Load.PerSecond / rotation.Load.PerSecond });
        Add(rotation);

        results.Insert(0, signIn);
        results.Insert(0, signUp);

        var storm = await small.Runner.HttpAsync("sign-in storm", "signin.lua", settings.StormConnections,
            () => [$"{BasePath}/signin", Text(settings.SmallDataSet), BenchData.Password, "count-statuses"],
            cancellationToken, warmup: false, limitBeside: probe.MeasureAsync);
        // Under a storm most answers are quick 503s: what compares with the hashing limit is the sign-ins that succeeded.
        storm = storm with
        {
            ComparedWith = LimitText(storm.LimitBeside!),
            Ratio = storm.SuccessesPerSecond / storm.LimitBeside!.Mean,
        };
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

    private static ScenarioResult AgainstLimit(ScenarioResult result) =>
        result with { ComparedWith = LimitText(result.LimitBeside!), Ratio = result.Load.PerSecond / result.LimitBeside!.Mean };

    private static string LimitText(LimitBeside limit) =>
        string.Create(CultureInfo.InvariantCulture, $"hashing limit beside it {limit.Mean:0.0}/s");

    /// <summary>
    /// GET /me through each API, then the same lookup straight against each database, as the store does it and in
    /// one join; each pair back to back, so that the two sizes see the same machine. Rows come back grouped by size.
    /// </summary>
    private static async Task<IReadOnlyList<ScenarioResult>> MeasureMeAsync(
        BenchTarget small, BenchTarget large, FloorTarget? floor, BenchSettings settings, CancellationToken cancellationToken)
    {
        // The third: the large tables, but requests spread over as many sessions as the small set has, which tells a
        // bigger table from a bigger working set (random tokens over a million rows miss PostgreSQL's buffer cache).
        (BenchTarget Target, int Size, string Name)[] sizes =
        [
            (small, settings.SmallDataSet, $"{SizeName(settings.SmallDataSet)} users+sessions"),
            (large, settings.LargeDataSet, $"{SizeName(settings.LargeDataSet)} users+sessions"),
            (large, settings.SmallDataSet, $"{SizeName(settings.LargeDataSet)} users+sessions, {SizeName(settings.SmallDataSet)} in use"),
        ];
        var api = new List<ScenarioResult>();
        foreach (var (target, size, name) in sizes)
        {
            api.Add(await target.Runner.HttpAsync($"GET /me, {name}", "me.lua", settings.Connections,
                () => [$"{BasePath}/me", Text(size), BenchData.AccessTokenPrefix], cancellationToken));
        }

        // The floor on the small set, the same load: what the stack itself (Kestrel, sockets, Npgsql, the runtime) costs.
        var floorRow = floor is null
            ? null
            : await floor.Runner.HttpAsync($"{FloorName}, {sizes[0].Name}", "me.lua", settings.Connections,
                () => [$"{BasePath}/me", Text(sizes[0].Size), BenchData.AccessTokenPrefix], cancellationToken);

        // Latency at half the rate wrk reached, from a fixed-rate client: what a user sees when the API is not saturated.
        var paced = await small.Runner.PacedAsync(
            $"GET /me paced at half max, {sizes[0].Name}", $"{BasePath}/me",
            () => BenchData.AccessToken(Random.Shared.NextInt64(1, sizes[0].Size + 1)), api[0].Load.PerSecond / 2, cancellationToken);
        // And at a quarter, not a target: whether a tail at half the rate is the API's or the shared cores' queue.
        var pacedQuarter = await small.Runner.PacedAsync(
            $"GET /me paced at a quarter of max, {sizes[0].Name}", $"{BasePath}/me",
            () => BenchData.AccessToken(Random.Shared.NextInt64(1, sizes[0].Size + 1)), api[0].Load.PerSecond / 4, cancellationToken);

        var database = new List<ScenarioResult>();
        var joined = new List<ScenarioResult>();
        foreach (var (script, name, into) in (ValueTuple<string, string, List<ScenarioResult>>[])[("me.sql", "/me's former 2 queries", database), ("me-join.sql", "/me's join", joined)])
        {
            foreach (var (target, size, sizeName) in sizes)
            {
                var variables = new Dictionary<string, string> { ["users"] = Text(size), ["prefix"] = BenchData.AccessTokenPrefix };
                into.Add(await target.Runner.DatabaseAsync($"pgbench: {name}, {sizeName}", script, variables, cancellationToken));
            }
        }

        // The store runs the join (GetWithUserByTokenHashAsync): that is GET /me's reference. The two statements it
        // ran before stay beside it, to show what the second round trip cost.
        var rows = new List<ScenarioResult>();
        for (var i = 0; i < sizes.Length; i++)
        {
            var reference = joined[i];
            rows.Add(api[i] with { ComparedWith = reference.Name, Ratio = api[i].Load.PerSecond / reference.Load.PerSecond });
            rows.Add(reference);
            rows.Add(database[i] with { ComparedWith = reference.Name, Ratio = database[i].Load.PerSecond / reference.Load.PerSecond });
            if (i == 0)
            {
                if (floorRow is not null)
                {
                    rows.Add(floorRow with { ComparedWith = reference.Name, Ratio = floorRow.Load.PerSecond / reference.Load.PerSecond });
                }

                rows.Add(paced);
                rows.Add(pacedQuarter);
            }
        }

        return rows;
    }

    /// <summary>One request of each kind the scenarios rely on, so that a broken seed fails loudly instead of as a wall of 401s.</summary>
    internal static async Task PreflightAsync(Uri baseAddress, int dataSet, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        await PreflightMeAsync(http, dataSet, cancellationToken);
        using var signIn = await http.PostAsJsonAsync(
            $"{BasePath.TrimStart('/')}/signin", new { email = BenchData.Email(dataSet), password = BenchData.Password }, cancellationToken);
        if (signIn.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchException($"Signing in as seeded user {dataSet} answered {(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>GET /me with seeded session <paramref name="dataSet"/> must answer that user (the API's, or the floor's).</summary>
    private static async Task PreflightMeAsync(HttpClient http, int dataSet, CancellationToken cancellationToken)
    {
        using var me = new HttpRequestMessage(HttpMethod.Get, $"{BasePath.TrimStart('/')}/me");
        me.Headers.Authorization = new("Bearer", BenchData.AccessToken(dataSet));
        using var meResponse = await http.SendAsync(me, cancellationToken);
        var body = await meResponse.Content.ReadAsStringAsync(cancellationToken);
        if (meResponse.StatusCode != HttpStatusCode.OK || !body.Contains(BenchData.Email(dataSet), StringComparison.Ordinal))
        {
            throw new BenchException($"GET /me at {http.BaseAddress} with seeded session {dataSet} answered {(int)meResponse.StatusCode}: {body}");
        }
    }

    private static string SizeName(int count) => count switch
    {
        >= 1_000_000 when count % 1_000_000 == 0 => $"{count / 1_000_000}M",
        >= 1_000 when count % 1_000 == 0 => $"{count / 1_000}k",
        _ => Text(count),
    };

    internal static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static void Say(string message) => Console.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");
}
