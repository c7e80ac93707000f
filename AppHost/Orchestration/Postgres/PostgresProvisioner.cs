using Authsome.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Authsome.AppHost.Orchestration;

/// <summary>
/// Provides the PostgreSQL server of a run, in this order: <c>ConnectionStrings:NAME</c> from the AppHost's
/// configuration; else a throw-away cluster from the local PostgreSQL binaries (<see cref="LocalPostgresCluster"/>),
/// removed when the run ends; else none, and the databases fall back to SQLite. A container is never started:
/// this AppHost has no container support (there is no Docker engine where it was built).
/// </summary>
internal static partial class PostgresProvisioner
{
    /// <summary>Sets <see cref="PostgresServerResource.Source"/>; returns the cluster it started, which the caller disposes.</summary>
    public static async Task<LocalPostgresCluster?> ProvisionAsync(PostgresServerResource server, ILogger logger, CancellationToken cancellationToken)
    {
        if (server.ConfiguredConnectionString is { } configured)
        {
            var settings = new NpgsqlConnectionStringBuilder(configured);
            LogConfigured(logger, server.Name, settings.Host, settings.Port);
            server.Source = new PostgresSource(PostgresSourceKind.Configured, configured);
            return null;
        }

        PostgresBinaries binaries;
        try
        {
            binaries = await PostgresBinaries.LocateAsync(binDirectory: null, cancellationToken);
        }
        catch (LocalPostgresException)
        {
            LogSqliteFallback(logger, server.Name, string.Join(", ", server.Databases.Select(d => d.SqliteFallbackPath)));
            server.Source = new PostgresSource(PostgresSourceKind.None, null);
            return null;
        }

        LogStartingCluster(logger, server.Name, binaries.BinDirectory);
        var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { BinDirectory = binaries.BinDirectory, Logger = logger }, cancellationToken);
        LogClusterStarted(logger, server.Name, cluster.Port, cluster.DataDirectory);
        server.Source = new PostgresSource(PostgresSourceKind.LocalCluster, cluster.ConnectionString);
        return cluster;
    }

    /// <summary>Creates the database on its server when it does not exist; nothing to do when the server fell back to SQLite.</summary>
    public static async Task EnsureDatabaseAsync(PostgresDatabaseResource database, ILogger logger, CancellationToken cancellationToken)
    {
        if (database.Parent.Source?.Kind == PostgresSourceKind.None)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(database.SqliteFallbackPath)!);
            return;
        }

        await using var dataSource = NpgsqlDataSource.Create(await database.Parent.GetConnectionStringAsync(cancellationToken));
        await using var exists = dataSource.CreateCommand("SELECT 1 FROM pg_database WHERE datname = $1");
        exists.Parameters.Add(new NpgsqlParameter { Value = database.DatabaseName });
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            LogDatabaseExists(logger, database.DatabaseName);
            return;
        }

        await using var create = dataSource.CreateCommand($"CREATE DATABASE \"{database.DatabaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            LogDatabaseCreated(logger, database.DatabaseName);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by someone else since the check: what was wanted.
            LogDatabaseExists(logger, database.DatabaseName);
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "{Resource}: using the PostgreSQL server of ConnectionStrings:{Resource} ({Host}:{Port})")]
    private static partial void LogConfigured(ILogger logger, string resource, string? host, int port);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "{Resource}: no ConnectionStrings:{Resource} given; starting a throw-away PostgreSQL cluster from {BinDirectory}")]
    private static partial void LogStartingCluster(ILogger logger, string resource, string binDirectory);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "{Resource}: throw-away PostgreSQL cluster ready on 127.0.0.1:{Port} (data in {DataDirectory}, removed when the AppHost stops)")]
    private static partial void LogClusterStarted(ILogger logger, string resource, int port, string dataDirectory);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "{Resource}: no PostgreSQL available (no ConnectionStrings:{Resource}, no PostgreSQL server binaries on this machine). Using the embedded SQLite store instead: {Files}")]
    private static partial void LogSqliteFallback(ILogger logger, string resource, string files);

    [LoggerMessage(EventId = 204, Level = LogLevel.Information, Message = "Database {Database} created")]
    private static partial void LogDatabaseCreated(ILogger logger, string database);

    [LoggerMessage(EventId = 205, Level = LogLevel.Information, Message = "Database {Database} already exists")]
    private static partial void LogDatabaseExists(ILogger logger, string database);
}
