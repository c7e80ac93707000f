using Authsome.Hosting;
using Authsome.Store.Postgres;
using Npgsql;

namespace Authsome.Store.Tests.Postgres;

/// <summary>
/// A fresh, migrated PostgreSQL database for one test class (on the process-wide test server, see
/// <see cref="TestPostgresServer"/>). Each test gets its own <see cref="PostgresStore"/> over the class's data source.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private NpgsqlDataSource? dataSource;

    public string ConnectionString { get; private set; } = string.Empty;

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        ConnectionString = await TestPostgresServer.CreateDatabaseAsync("authsome_store", ct);
        // A modest pool per class: many classes run at once against one server.
        dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 20 }.ConnectionString);
        await using var store = new PostgresStore(dataSource);
        await store.MigrateAsync([], ct);
    }

    public ValueTask<IAuthsomeStore> CreateStoreAsync() => ValueTask.FromResult<IAuthsomeStore>(new PostgresStore(DataSource));

    public async ValueTask DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }
}
