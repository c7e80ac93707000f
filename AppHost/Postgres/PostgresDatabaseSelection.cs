using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Authsome.AppHost.Postgres;

/// <summary>Picks where the application's PostgreSQL database comes from, and says which on the console.</summary>
public static partial class PostgresDatabaseSelection
{
    /// <summary>
    /// Adds the PostgreSQL database <paramref name="databaseName"/> (also the name the projects' connection string
    /// goes by), from the first of: an existing server when <c>ConnectionStrings:NAME</c> is configured
    /// (<c>AddConnectionString</c>); Aspire's PostgreSQL container (<c>AddPostgres</c>) when publishing or when a
    /// container runtime is healthy; else a server run from this machine's binaries (<c>AddLocalPostgres</c>).
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddPostgresDatabase(
        this IDistributedApplicationBuilder builder, [ResourceName] string serverName, [ResourceName] string databaseName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IResourceBuilder<IResourceWithConnectionString> database;
        string choice;
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(databaseName)))
        {
            database = builder.AddConnectionString(databaseName);
            choice = $"the existing server of ConnectionStrings:{databaseName}";
        }
        else if (builder.ExecutionContext.IsPublishMode || ContainerRuntime.IsHealthy(builder.Configuration["ASPIRE_CONTAINER_RUNTIME"]))
        {
            database = builder.AddPostgres(serverName).AddDatabase(databaseName);
            choice = "Aspire's PostgreSQL container (AddPostgres)";
        }
        else
        {
            database = builder.AddLocalPostgres(serverName).AddDatabase(databaseName);
            choice = "a throw-away server from the local PostgreSQL binaries (no healthy container runtime)";
        }

        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            LogChoice(@event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Authsome.AppHost"), databaseName, choice);
            return Task.CompletedTask;
        });
        return database;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Database '{Database}': {Choice}")]
    private static partial void LogChoice(ILogger logger, string database, string choice);
}
