using Authsome.Store;
using Authsome.Store.Memory;
using Authsome.Store.Mongo;
using Authsome.Store.Postgres;
using Authsome.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Password.History;

/// <summary>
/// Puts the password history in the store's own database: the <c>authsome_password_history</c> table on PostgreSQL
/// (through the store's data source) and SQLite (the same file), the collection of that name on MongoDB, and
/// process memory beside the memory store.
/// </summary>
internal static class PasswordHistoryStoreFactory
{
    public static IPasswordHistoryStore Create(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<PasswordPluginOptions>>().Value.HistoryLength == 0)
        {
            // History is off: nothing is ever read or written, whatever the backend.
            return new MemoryPasswordHistoryStore();
        }

        return services.GetRequiredService<IAuthsomeStore>() switch
        {
            PostgresStore postgres => new SqlPasswordHistoryStore(async ct => await postgres.DataSource.OpenConnectionAsync(ct), unixMillisecondTimes: false),
            SqliteStore sqlite => new SqlPasswordHistoryStore(async ct =>
            {
                var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqlite.DatabasePath, DefaultTimeout = 30 }.ConnectionString);
                await connection.OpenAsync(ct);
                return connection;
            }, unixMillisecondTimes: true),
            MongoStore mongo => new MongoPasswordHistoryStore(mongo.Database),
            MemoryStore => new MemoryPasswordHistoryStore(),
            var other => throw new InvalidOperationException(
                $"The password plugin keeps its history in the store's database and does not know {other.GetType().Name}; set {PasswordPluginOptions.SectionName}:HistoryLength to 0 to run without it."),
        };
    }
}
