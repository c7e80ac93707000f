using Authsome.Store;
using Authsome.Store.Memory;
using Authsome.Store.Mongo;
using Authsome.Store.Postgres;
using Authsome.Store.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using Npgsql;

namespace Authsome.Hosting;

/// <summary>A store given by <c>AuthsomeBuilder.UseStore(factory)</c>.</summary>
internal sealed class CustomStoreFactory(Func<IServiceProvider, IAuthsomeStore> factory)
{
    public IAuthsomeStore Create(IServiceProvider services) => factory(services);
}

/// <summary>
/// Builds the selected backend's store. The container owns it and disposes it (closing its connections) at shutdown.
/// A database client the application registered (Aspire.Npgsql's <c>AddNpgsqlDataSource</c>, the hosts' MongoDB client
/// integration) is used instead of one made from the connection string; its owner disposes it.
/// </summary>
internal static class StoreFactory
{
    public static IAuthsomeStore Create(IServiceProvider services)
    {
        var connection = services.GetRequiredService<StoreConnection>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        return connection.Provider switch
        {
            StoreProviders.Custom => services.GetRequiredService<CustomStoreFactory>().Create(services),
            StoreProviders.Memory => new MemoryStore(services.GetRequiredService<TimeProvider>()),
            StoreProviders.Postgres => services.GetService<NpgsqlDataSource>() is { } dataSource
                ? new PostgresStore(dataSource, loggers)
                : new PostgresStore(connection.ConnectionString!, loggers),
            StoreProviders.Sqlite => new SqliteStore(connection.ConnectionString!, loggers),
            StoreProviders.Mongo => services.GetService<IMongoDatabase>() is { } database
                ? new MongoStore(database.Client, database.DatabaseNamespace.DatabaseName, loggers)
                : new MongoStore(connection.ConnectionString!, loggerFactory: loggers),
            var other => throw new InvalidOperationException($"Unknown store provider '{other}'."),
        };
    }
}
