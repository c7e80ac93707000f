using Npgsql;

namespace Authsome.Hosting;

/// <summary>The few statements the provisioning runs: creating and dropping databases.</summary>
internal static class DatabaseCommands
{
    public static async Task CreateAsync(NpgsqlDataSource admin, string name, CancellationToken cancellationToken)
    {
        DatabaseNames.Validate(name);
        await using var command = admin.CreateCommand($"CREATE DATABASE {DatabaseNames.Quote(name)}");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops a database, disconnecting its sessions first (PostgreSQL 13 and later).</summary>
    public static void DropIfExists(string adminConnectionString, string name, TimeSpan timeout)
    {
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString)
        {
            Pooling = false,
            Timeout = Math.Max(1, (int)timeout.TotalSeconds),
            CommandTimeout = Math.Max(1, (int)timeout.TotalSeconds),
        };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseNames.Quote(name)} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
