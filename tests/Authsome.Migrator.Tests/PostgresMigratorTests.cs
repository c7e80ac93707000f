using Authsome.Hosting;
using Npgsql;

namespace Authsome.Migrator.Tests;

public sealed class PostgresMigratorTests : MigratorContract
{
    protected override string UnreachableConnectionString => "Host=127.0.0.1;Port=1;Username=authsome;Password=unused;Database=authsome;Timeout=3";

    protected override Task<string> CreateDatabaseAsync() =>
        TestPostgresServer.CreateDatabaseAsync("migrator", TestContext.Current.CancellationToken);

    protected override async Task<long> CountAppliedAsync(string connectionString)
    {
        if (!(await TablesAsync(connectionString)).Contains("authsome_migrations"))
        {
            return 0;
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT COUNT(*) FROM authsome_migrations");
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    protected override async Task<IReadOnlyList<string>> TablesAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
