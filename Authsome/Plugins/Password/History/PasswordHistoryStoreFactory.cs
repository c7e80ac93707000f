using Authsome.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Authsome.Plugins.Password.History;

/// <summary>Puts the password history in the same database as the store: a table on PostgreSQL and SQLite, process memory for the memory store.</summary>
internal static class PasswordHistoryStoreFactory
{
    public static IPasswordHistoryStore Create(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<PasswordPluginOptions>>().Value.HistoryLength == 0)
        {
            // History is off: nothing is ever read or written, whatever the backend.
            return new MemoryPasswordHistoryStore();
        }

        var connection = services.GetRequiredService<StoreConnection>();
        return connection.Provider switch
        {
            StoreProviders.Postgres => Postgres(connection.ConnectionString!),
            StoreProviders.Sqlite => new SqlPasswordHistoryStore(async ct =>
            {
                var sqlite = new SqliteConnection(connection.ConnectionString);
                await sqlite.OpenAsync(ct);
                return sqlite;
            }, unixMillisecondTimes: true),
            StoreProviders.Memory => new MemoryPasswordHistoryStore(),
            _ => throw new InvalidOperationException(
                $"The password plugin keeps its history in the store's database, and does not know the {connection.Provider} backend; set Authsome:Password:HistoryLength to 0 to run without it."),
        };
    }

    private static SqlPasswordHistoryStore Postgres(string connectionString)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        return new SqlPasswordHistoryStore(async ct => await dataSource.OpenConnectionAsync(ct), unixMillisecondTimes: false, owned: dataSource);
    }
}
