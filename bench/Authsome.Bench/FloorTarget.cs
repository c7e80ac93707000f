using Authsome.Bench.Api;
using Authsome.Bench.Load;
using Npgsql;

namespace Authsome.Bench;

/// <summary>
/// GET /me's floor (<c>bench/Authsome.Bench.Floor</c>): the store's join behind bare ASP.NET Core, on the small
/// database beside its API, measured by a runner of its own (its process's CPU, its own connections).
/// </summary>
/// <param name="BaseAddress">Where it listens.</param>
/// <param name="Server">Its process.</param>
/// <param name="Runner">Runs its scenario, measuring its process's CPU and counting its own connections.</param>
internal sealed record FloorTarget(Uri BaseAddress, ApiProcess Server, ScenarioRunner Runner) : IAsyncDisposable
{
    private const string ApplicationName = "authsome-floor";

    /// <summary>
    /// Starts the floor on <paramref name="connectionString"/>'s database; <paramref name="monitor"/> is that database's
    /// monitoring connection, which the API's target there owns.
    /// </summary>
    public static async Task<FloorTarget> StartAsync(
        string floorAssembly, BenchSettings settings, string connectionString, NpgsqlDataSource monitor, string postgresBin, int postmasterPid,
        Uri baseAddress, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = baseAddress.GetLeftPart(UriPartial.Authority),
            ["ConnectionStrings__authsome"] = $"{connectionString}{settings.ConnectionOptions};Application Name={ApplicationName}",
        };
        var server = await ApiProcess.StartAsync(floorAssembly, environment, baseAddress, Path.Combine(settings.OutputDirectory, "floor.log"), cancellationToken);
        var runner = new ScenarioRunner(settings, server, new CpuMeter(server.Id, postmasterPid), baseAddress, postgresBin, connectionString, monitor, ApplicationName);
        return new FloorTarget(baseAddress, server, runner);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
