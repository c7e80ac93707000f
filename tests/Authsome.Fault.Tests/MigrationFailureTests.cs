using System.Diagnostics;
using Authsome.Hosting;
using Npgsql;

namespace Authsome.Fault.Tests;

/// <summary>A migration that fails half-way: rolled back whole, not recorded, and the migrator exits non-zero.</summary>
public sealed class MigrationFailureTests
{
    [Fact]
    public async Task AMigrationFailingHalfWayLeavesNothingBehind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await LocalPostgresCluster.StartAsync(null, ct);
        var database = await cluster.CreateDatabaseAsync("fault_migration", ct);
        // Index names are per schema: this one makes the counters migration fail at its second statement, after its
        // first (CREATE TABLE authsome_counters) has run.
        await ExecuteAsync(database, "CREATE TABLE squatter (id int); CREATE INDEX ix_authsome_counters_window ON squatter (id);", ct);

        var (exitCode, output) = await RunMigratorAsync(database, ct);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("counters_and_session_lifetimes", output, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'authsome_counters'", ct));
        Assert.Equal(0L, await ScalarAsync(database, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'authsome_app_session_configs' AND column_name = 'idle_timeout_ms'", ct));
        Assert.Equal(6L, await ScalarAsync(database, "SELECT count(*) FROM authsome_migrations", ct));
        Assert.Equal(0L, await ScalarAsync(database, "SELECT count(*) FROM authsome_migrations WHERE version = 20261130000001", ct));

        // Fixed, it applies.
        await ExecuteAsync(database, "DROP TABLE squatter;", ct);
        Assert.Equal(0, (await RunMigratorAsync(database, ct)).ExitCode);
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'authsome_counters'", ct));
    }

    private static async Task<(int ExitCode, string Output)> RunMigratorAsync(string connectionString, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Authsome.Migrator.dll"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__authsome"] = connectionString;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
