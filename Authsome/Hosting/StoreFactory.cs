using Authsome.Store;
using Authsome.Store.Memory;
using Authsome.Store.Mongo;
using Authsome.Store.Postgres;
using Authsome.Store.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Authsome.Hosting;

/// <summary>A store given by <c>AuthsomeBuilder.UseStore(factory)</c>.</summary>
internal sealed class CustomStoreFactory(Func<IServiceProvider, IAuthsomeStore> factory)
{
    public IAuthsomeStore Create(IServiceProvider services) => factory(services);
}

/// <summary>Builds the selected backend's store. The container owns it and disposes it (closing its connections) at shutdown.</summary>
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
            StoreProviders.Postgres => new PostgresStore(connection.ConnectionString!, loggers),
            StoreProviders.Sqlite => new SqliteStore(connection.ConnectionString!, loggers),
            StoreProviders.Mongo => new MongoStore(connection.ConnectionString!, loggerFactory: loggers),
            var other => throw new InvalidOperationException($"Unknown store provider '{other}'."),
        };
    }
}
