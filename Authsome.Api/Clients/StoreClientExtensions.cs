using Authsome.Hosting;
using Authsome.Store.Postgres;

namespace Microsoft.Extensions.Hosting;

/// <summary>The database client of the store configuration selects, registered the way Aspire's client integrations do.</summary>
public static class StoreClientExtensions
{
    /// <summary>
    /// For PostgreSQL, Aspire.Npgsql's <c>AddNpgsqlDataSource("authsome")</c> (its health check, tracing, metrics and
    /// <c>Aspire:Npgsql</c> settings) with the store's connection-string defaults; for MongoDB, our
    /// <see cref="MongoClientExtensions.AddMongoClient"/>. The engine's PostgreSQL and MongoDB stores use the client
    /// registered here. Nothing for SQLite and memory.
    /// </summary>
    public static TBuilder AddAuthsomeStoreClient<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string name = AuthsomeStoreConfiguration.ConnectionName;
        switch (AuthsomeStoreConfiguration.Provider(builder.Configuration))
        {
            case "postgres":
                builder.AddNpgsqlDataSource(name, settings =>
                {
                    if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
                    {
                        settings.ConnectionString = PostgresStore.WithStoreDefaults(settings.ConnectionString);
                    }
                });
                break;
            case "mongo":
                builder.AddMongoClient(name);
                break;
        }

        return builder;
    }
}
