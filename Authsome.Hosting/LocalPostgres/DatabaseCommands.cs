using Npgsql;

namespace Authsome.Hosting;

/// <summary>The few statements the provisioning runs: creating and dropping databases.</summary>
internal static class DatabaseCommands
{
    /// <summary>
    /// Creates a database from <c>template1</c>. <paramref name="fileCopy"/> asks PostgreSQL 15 and
    /// later to copy the template's files rather than WAL-log every block: about three times faster
    /// on a cluster without fsync (two checkpoints instead of ~8 MB of WAL), so it is used on the
    /// throw-away clusters only, never on a server someone else runs.
    /// </summary>
    public static async Task CreateAsync(NpgsqlDataSource admin, string name, bool fileCopy, CancellationToken cancellationToken)
    {
        DatabaseNames.Validate(name);
        var strategy = fileCopy ? " STRATEGY = FILE_COPY" : string.Empty;
        await using var command = admin.CreateCommand($"CREATE DATABASE {DatabaseNames.Quote(name)}{strategy}");
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
