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
/// <param name="Monitor">The runner's monitoring connection.</param>
internal sealed record FloorTarget(Uri BaseAddress, ApiProcess Server, ScenarioRunner Runner, NpgsqlDataSource Monitor) : IAsyncDisposable
{
    private const string ApplicationName = "authsome-floor";

    public static async Task<FloorTarget> StartAsync(
        string floorAssembly, BenchSettings settings, string connectionString, string postgresBin, int postmasterPid, Uri baseAddress,
        CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = baseAddress.GetLeftPart(UriPartial.Authority),
            ["ConnectionStrings__authsome"] = $"{connectionString}{settings.ConnectionOptions};Application Name={ApplicationName}",
        };
        var server = await ApiProcess.StartAsync(floorAssembly, environment, baseAddress, Path.Combine(settings.OutputDirectory, "floor.log"), cancellationToken);
        try
        {
            var monitor = NpgsqlDataSource.Create(connectionString + ";Application Name=authsome-bench");
            var runner = new ScenarioRunner(settings, server, new CpuMeter(server.Id, postmasterPid), baseAddress, postgresBin, connectionString, monitor, ApplicationName);
            return new FloorTarget(baseAddress, server, runner, monitor);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Monitor.DisposeAsync();
    }
}
