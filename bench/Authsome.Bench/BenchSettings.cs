using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Authsome.Bench;

/// <summary>The driver's command line. <c>bench/run.sh</c> passes the paths; the rest have defaults sized for a ~15 minute run.</summary>
internal sealed record BenchSettings
{
    public const string Usage =
        """
        Usage: Authsome.Bench --api <Authsome.Api.dll> --scripts <bench/scripts> --out <bench/out> [options]
          --duration <s>        measured seconds per scenario (default 10)
          --warmup <s>          unmeasured seconds before each scenario (default 3)
          --connections <n>     concurrent connections of every scenario but the storm (default 16)
          --storm <n>           concurrent sign-ins of the storm (default 200)
          --small <n>           users and sessions of the small data set (default 1000)
          --large <n>           users and sessions of the large data set (default 1000000)
          --hash-iterations <n> password verifications timed single-threaded (default 20)
          --threads <n>         wrk and pgbench threads (default: processor count)
          --floor <dll>         Authsome.Bench.Floor.dll: GET /me's floor (the join behind bare ASP.NET Core), run beside
                                the API on the small database in the full run; without it, that row is left out
          --connection-options <s>  appended to the API's connection string, e.g. "Maximum Pool Size=8"
          --compare <dll>       instead of the full run: this second build of Authsome.Api against --api, side by side
                                on one database (the --large data set), GET /me, refresh and sign-in in alternating rounds
          --compare-options <s> the same comparison, B running with these connection options instead of A's
          --compare-env <s>     the same comparison, B's API with these environment variables ("NAME=value;NAME=value"),
                                e.g. runtime settings such as DOTNET_GCgen0size
          --rounds <n>          rounds of that comparison (default 5)
          --order <s>           how that comparison runs A and B: "alternate" (default: one after the other, who goes first
                                alternating by round) or "together" (both at once, each under half the connections, so
                                that every change in the host's speed falls on both)
        """;

    public required string ApiAssembly { get; init; }

    public required string ScriptsDirectory { get; init; }

    public required string OutputDirectory { get; init; }

    public int DurationSeconds { get; init; } = 10;

    public int WarmupSeconds { get; init; } = 3;

    public int Connections { get; init; } = 16;

    public int StormConnections { get; init; } = 200;

    public int SmallDataSet { get; init; } = 1_000;

    public int LargeDataSet { get; init; } = 1_000_000;

    public int HashIterations { get; init; } = 20;

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Npgsql settings appended to the API's connection string (not pgbench's), for experiments; empty by default.</summary>
    public string ConnectionOptions { get; init; } = string.Empty;

    /// <summary>The floor server (<c>bench/Authsome.Bench.Floor</c>) for GET /me's floor row; null leaves the row out.</summary>
    public string? FloorAssembly { get; init; }

    /// <summary>A second Authsome.Api build to compare with <see cref="ApiAssembly"/> (<see cref="AbRun"/>); null for the full run.</summary>
    public string? CompareAssembly { get; init; }

    /// <summary>Connection options B runs with instead of <see cref="ConnectionOptions"/> (<see cref="AbRun"/>); null when B uses A's.</summary>
    public string? CompareOptions { get; init; }

    /// <summary>Environment variables B's API gets besides A's (<see cref="AbRun"/>); empty when none.</summary>
    public IReadOnlyDictionary<string, string> CompareEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether this is a side-by-side comparison (<see cref="AbRun"/>) rather than the full run.</summary>
    public bool IsComparison => CompareAssembly is not null || CompareOptions is not null || CompareEnvironment.Count > 0;

    public int Rounds { get; init; } = 5;

    /// <summary>Whether the comparison measures A and B at the same time rather than one after the other (<see cref="AbRun"/>).</summary>
    public bool Together { get; init; }

    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchSettings? settings, [NotNullWhen(false)] out string? problem)
    {
        settings = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                problem = $"Expected '--name value' pairs; got '{args[i]}'.";
                return false;
            }

            values[args[i][2..]] = args[i + 1];
        }

        var defaults = new BenchSettings { ApiAssembly = "", ScriptsDirectory = "", OutputDirectory = "" };
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["duration"] = defaults.DurationSeconds,
            ["warmup"] = defaults.WarmupSeconds,
            ["connections"] = defaults.Connections,
            ["storm"] = defaults.StormConnections,
            ["small"] = defaults.SmallDataSet,
            ["large"] = defaults.LargeDataSet,
            ["hash-iterations"] = defaults.HashIterations,
            ["threads"] = defaults.Threads,
            ["rounds"] = defaults.Rounds,
        };
        foreach (var (name, value) in values)
        {
            if (name is "api" or "scripts" or "out" or "floor" or "connection-options" or "compare" or "compare-options" or "compare-env" or "order")
            {
                continue;
            }

            if (!numbers.ContainsKey(name))
            {
                problem = $"Unknown option --{name}.";
                return false;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || (number < 1 && name != "warmup"))
            {
                problem = $"--{name} must be a whole number of at least {(name == "warmup" ? 0 : 1)}; got '{value}'.";
                return false;
            }

            numbers[name] = number;
        }

        foreach (var required in (string[])["api", "scripts", "out"])
        {
            if (!values.ContainsKey(required))
            {
                problem = $"--{required} is required.";
                return false;
            }
        }

        if (numbers["small"] >= numbers["large"])
        {
            problem = "--small must be below --large.";
            return false;
        }

        if (numbers["large"] / 2 < numbers["connections"])
        {
            problem = "--large must be at least twice --connections (the refresh rows give each connection sessions of its own).";
            return false;
        }

        var order = values.GetValueOrDefault("order", "alternate");
        if (order is not ("alternate" or "together"))
        {
            problem = $"--order is 'alternate' or 'together'; got '{order}'.";
            return false;
        }

        var compareEnvironment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in values.GetValueOrDefault("compare-env", "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problem = $"--compare-env takes NAME=value pairs separated by ';'; got '{pair}'.";
                return false;
            }

            compareEnvironment[pair[..equals]] = pair[(equals + 1)..];
        }

        settings = new BenchSettings
        {
            ApiAssembly = Path.GetFullPath(values["api"]),
            ScriptsDirectory = Path.GetFullPath(values["scripts"]),
            OutputDirectory = Path.GetFullPath(values["out"]),
            DurationSeconds = numbers["duration"],
            WarmupSeconds = numbers["warmup"],
            Connections = numbers["connections"],
            StormConnections = numbers["storm"],
            SmallDataSet = numbers["small"],
            LargeDataSet = numbers["large"],
            HashIterations = numbers["hash-iterations"],
            Threads = numbers["threads"],
            Rounds = numbers["rounds"],
            Together = order == "together",
            FloorAssembly = values.TryGetValue("floor", out var floor) ? Path.GetFullPath(floor) : null,
            CompareAssembly = values.TryGetValue("compare", out var compare) ? Path.GetFullPath(compare) : null,
            ConnectionOptions = Options(values.GetValueOrDefault("connection-options")) ?? string.Empty,
            CompareOptions = Options(values.GetValueOrDefault("compare-options")),
            CompareEnvironment = compareEnvironment,
        };
        problem = null;
        return true;
    }

    private static string? Options(string? given) => string.IsNullOrEmpty(given) ? null : ";" + given.TrimStart(';');
}
