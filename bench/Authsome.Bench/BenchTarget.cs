using Authsome.Bench.Api;
using Authsome.Bench.Database;
using Authsome.Bench.Load;
using Npgsql;

namespace Authsome.Bench;

/// <summary>
/// One database of the throw-away cluster with its own API process on it, and what measures them: the seeder, the
/// scenario runner, and a monitoring connection. The run has two, a small and a large data set, so that GET /me at
/// both sizes can be measured back to back rather than minutes apart on a shared machine.
/// </summary>
internal sealed class BenchTarget : IAsyncDisposable
{
    private BenchTarget(string name, Uri baseAddress, ApiProcess api, Seeder seeder, NpgsqlDataSource monitor, ScenarioRunner runner)
    {
        Name = name;
        BaseAddress = baseAddress;
        Api = api;
        Seeder = seeder;
        Monitor = monitor;
        Runner = runner;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public ApiProcess Api { get; }

    public Seeder Seeder { get; }

    public ScenarioRunner Runner { get; }

    /// <summary>The database's monitoring connection (<c>authsome-bench</c>), shared with the floor on the same database.</summary>
    public NpgsqlDataSource Monitor { get; }

    /// <summary>Starts an API process on <paramref name="connectionString"/>'s database (it migrates it) and waits until it serves.</summary>
    public static async Task<BenchTarget> StartAsync(
        string name, BenchSettings settings, string connectionString, string postgresBin, int postmasterPid,
        IReadOnlyDictionary<string, string> apiEnvironment, Uri baseAddress, string passwordHash, CancellationToken cancellationToken)
    {
        var logFile = Path.Combine(settings.OutputDirectory, $"api-{name}.log");
        var api = await ApiProcess.StartAsync(settings.ApiAssembly, apiEnvironment, baseAddress, logFile, cancellationToken);
        try
        {
            var seeder = await Seeder.OpenAsync(connectionString, passwordHash, cancellationToken);
            var monitor = NpgsqlDataSource.Create(connectionString + ";Application Name=authsome-bench");
            var runner = new ScenarioRunner(settings, api, new CpuMeter(api.Id, postmasterPid), baseAddress, postgresBin, connectionString, monitor);
            return new BenchTarget(name, baseAddress, api, seeder, monitor, runner);
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Seeder.DisposeAsync();
        await Monitor.DisposeAsync();
    }
}
