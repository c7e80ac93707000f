using Microsoft.Data.Sqlite;

namespace Authsome.Migrator.Tests;

public sealed class SqliteMigratorTests : MigratorContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("authsome-migrator-").FullName;

    protected override string UnreachableConnectionString => $"Data Source={Path.Combine(_directory, "missing", "nested", "authsome.db")};Mode=ReadOnly";

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(_directory, $"{Guid.NewGuid():N}.db")}");

    protected override async Task<long> CountAppliedAsync(string connectionString)
    {
        if (!(await TablesAsync(connectionString)).Contains("authsome_migrations"))
        {
            return 0;
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM authsome_migrations";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    protected override async Task<IReadOnlyList<string>> TablesAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
