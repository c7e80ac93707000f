using Authsome.Hosting;
using Authsome.Store.Migrations;
using Authsome.Store.Postgres;
using Authsome.Store.Tests.Relational;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Authsome.Store.Tests.Postgres;

/// <summary>The relational migration behaviour on PostgreSQL, each test on a fresh database.</summary>
public sealed class PostgresMigrationTests : RelationalMigrationTests, IAsyncLifetime
{
    private string connectionString = string.Empty;

    public async ValueTask InitializeAsync() => connectionString = await TestPostgresServer.CreateDatabaseAsync("authsome_migrations", Ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected override IAuthsomeStore OpenStore() => new PostgresStore(connectionString);

    protected override IMigrationDriver OpenDriver() => new PostgresMigrationDriver(NpgsqlDataSource.Create(connectionString), TimeProvider.System, NullLogger.Instance);

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    protected override async Task<bool> TableExistsAsync(string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection) { Parameters = { new() { Value = table } } };
        return await command.ExecuteScalarAsync(Ct) is true;
    }
}
