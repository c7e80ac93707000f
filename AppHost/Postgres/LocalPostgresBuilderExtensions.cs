using System.Collections.Immutable;
using System.Globalization;
using Authsome.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Authsome.AppHost.Postgres;

/// <summary><c>AddLocalPostgres</c> and its <c>AddDatabase</c>: PostgreSQL from this machine's server binaries.</summary>
public static class LocalPostgresBuilderExtensions
{
    private const string ResourceType = "PostgreSQL (local binaries)";

    /// <summary>
    /// Adds a PostgreSQL server started from the local server binaries when the AppHost runs (see
    /// <see cref="LocalPostgresServerResource"/>). The dashboard shows its state, its health (a connection that
    /// answers) and its log; resources that <c>WaitFor</c> it start once it is healthy.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var server = new LocalPostgresServerResource(name);
        var healthCheckKey = $"{name}_check";
        builder.Services.TryAddSingleton<LocalPostgresClusters>();
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => server.Cluster?.ConnectionString ?? throw new InvalidOperationException($"PostgreSQL '{name}' has not started."),
            name: healthCheckKey);

        return builder.AddResource(server)
            .ExcludeFromManifest()
            .WithIconName("DatabaseMultiple")
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = ResourceType,
                State = KnownResourceStates.NotStarted,
                Properties = [],
            })
            .WithHealthCheck(healthCheckKey)
            .OnInitializeResource(StartAsync);
    }

    /// <summary>Adds a database of the local server, created as soon as the server has started.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> builder, [ResourceName] string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases.Add(name, database);
        var healthCheckKey = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => builder.Resource.Cluster is null
                ? throw new InvalidOperationException($"PostgreSQL '{builder.Resource.Name}' has not started.")
                : DatabaseConnectionString(builder.Resource.Cluster, database.DatabaseName),
            name: healthCheckKey);

        return builder.ApplicationBuilder.AddResource(database)
            .ExcludeFromManifest()
            .WithIconName("Database")
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgreSQL database (local binaries)",
                State = KnownResourceStates.NotStarted,
                Properties = [new(CustomResourceKnownProperties.Source, database.DatabaseName)],
            })
            .WithHealthCheck(healthCheckKey);
    }

    private static string DatabaseConnectionString(LocalPostgresCluster cluster, string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = database }.ConnectionString;

    private static async Task StartAsync(LocalPostgresServerResource server, InitializeResourceEvent @event, CancellationToken cancellationToken)
    {
        var notifications = @event.Notifications;
        var clusters = @event.Services.GetRequiredService<LocalPostgresClusters>();
        var logger = @event.Logger;
        IResource[] all = [server, .. server.Databases.Values];
        await PublishAsync(notifications, all, s => s with { State = KnownResourceStates.Starting });

        LocalPostgresCluster cluster;
        try
        {
            cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { Logger = logger }, cancellationToken);
            clusters.Add(cluster);
            foreach (var database in server.Databases.Values)
            {
                await cluster.CreateDatabaseAsync(database.DatabaseName, cancellationToken);
            }
        }
        catch (Exception exception)
        {
            // Whatever went wrong, the dashboard must say so and whoever waits for the database must stop waiting.
            logger.LogError(exception, "Could not start PostgreSQL from the local server binaries.");
            server.FailedToStart(exception);
            await PublishAsync(notifications, all, s => s with { State = KnownResourceStates.FailedToStart });
            return;
        }

        server.Started(cluster);
        foreach (var resource in all)
        {
            await @event.Eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, @event.Services), cancellationToken);
        }

        ImmutableArray<ResourcePropertySnapshot> properties =
        [
            new(CustomResourceKnownProperties.Source, cluster.BinDirectory),
            new("postgres.version", cluster.ServerVersion),
            new("postgres.port", cluster.Port.ToString(CultureInfo.InvariantCulture)),
            new("postgres.bin", cluster.BinDirectory),
            new("postgres.data", cluster.DataDirectory),
        ];
        var started = DateTime.UtcNow;
        await notifications.PublishUpdateAsync(server, s => s with
        {
            State = KnownResourceStates.Running,
            StartTimeStamp = started,
            Properties = [.. s.Properties, .. properties],
        });
        await PublishAsync(notifications, server.Databases.Values, s => s with { State = KnownResourceStates.Running, StartTimeStamp = started });

        _ = ServerLog.TailAsync(cluster.LogFile, logger, clusters.Stopping);
    }

    private static async Task PublishAsync(
        ResourceNotificationService notifications, IEnumerable<IResource> resources, Func<CustomResourceSnapshot, CustomResourceSnapshot> update)
    {
        foreach (var resource in resources)
        {
            await notifications.PublishUpdateAsync(resource, update);
        }
    }
}
