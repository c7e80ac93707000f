using Authsome.Store.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Authsome.Store.Sqlite;

/// <summary>
/// Runs migrations on SQLite. The lock is the database's own write lock: the run holds one IMMEDIATE transaction
/// from start to end, so another process (or store) starting at the same time waits for it and then finds every
/// migration applied; if the process dies, SQLite rolls the transaction back and the lock goes with it. Each
/// migration runs in a savepoint of that transaction with its history row, so a failing one leaves nothing behind
/// while the ones before it are committed when the run ends.
/// </summary>
internal sealed partial class SqliteMigrationDriver(SqliteDatabase database, TimeProvider time, ILogger logger) : IMigrationDriver
{
    private const string CreateHistory =
        """
        CREATE TABLE IF NOT EXISTS authsome_migrations (
            group_name TEXT NOT NULL,
            version    INTEGER NOT NULL,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at INTEGER NOT NULL,
            PRIMARY KEY (group_name, version)
        ) STRICT
        """;

    private const string Savepoint = "authsome_migration";

    private RunLock? _lock;

    public string Dialect => MigrationDialects.Sqlite;

    public async Task EnsureHistoryAsync(CancellationToken cancellationToken)
    {
        await using var held = await HoldWriteLockAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = Command(held, CreateHistory))
        {
            await RunAsync(async () => await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    public async Task<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken)
    {
        _lock = await HoldWriteLockAsync(cancellationToken).ConfigureAwait(false);
        return _lock;
    }

    public Task<IReadOnlyList<AppliedMigration>> ReadHistoryAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<AppliedMigration>>(async () =>
        {
            if (_lock is { } held)
            {
                return await ReadHistoryAsync(held.Connection, held.Transaction, cancellationToken).ConfigureAwait(false);
            }

            await using var connection = await database.OpenSqliteConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await ReadHistoryAsync(connection, null, cancellationToken).ConfigureAwait(false);
        });

    public async Task ApplyAsync(string group, Migration migration, MigrationScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        ArgumentNullException.ThrowIfNull(script);
        if (script is not SqlMigrationScript sql)
        {
            throw new MigrationException($"Migration {group} {migration} has a {script.GetType().Name}; SQLite runs SQL scripts only.", group, migration.Version, migration.Name);
        }

        var held = _lock ?? throw new InvalidOperationException("Migrations are applied only while the migration lock is held.");
        await held.Transaction.SaveAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var up = Command(held, sql.Up))
            {
                await up.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = Command(held, "INSERT INTO authsome_migrations (group_name, version, name, checksum, applied_at) VALUES ($group, $version, $name, $checksum, $applied_at)"))
            {
                record.Parameters.AddWithValue("$group", group);
                record.Parameters.AddWithValue("$version", migration.Version);
                record.Parameters.AddWithValue("$name", migration.Name);
                record.Parameters.AddWithValue("$checksum", sql.Checksum);
                record.Parameters.AddWithValue("$applied_at", time.GetUtcNow().ToUnixTimeMilliseconds());
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await held.Transaction.ReleaseAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await held.Transaction.RollbackAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
            await held.Transaction.ReleaseAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadHistoryAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'authsome_migrations'";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT group_name, version, name, checksum, applied_at FROM authsome_migrations ORDER BY group_name, version";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var history = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            history.Add(new AppliedMigration(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }

        return history;
    }

    /// <summary>Takes this process's write turn and the file's write lock (an IMMEDIATE transaction), waiting as long as it takes.</summary>
    private async Task<RunLock> HoldWriteLockAsync(CancellationToken cancellationToken)
    {
        var turn = await database.EnterWriteGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await RunAsync(() => database.OpenSqliteConnectionAsync(cancellationToken)).ConfigureAwait(false);
            try
            {
                var transaction = await BeginImmediateAsync(connection, cancellationToken).ConfigureAwait(false);
                return new RunLock(this, turn, connection, transaction);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    // Another process holding the write lock (its own migration run, or a long write) makes BEGIN IMMEDIATE fail
    // with SQLITE_BUSY after the busy timeout; a migrator waits on, until it gets the lock or is cancelled.
    private async Task<SqliteTransaction> BeginImmediateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var logged = false;
        while (true)
        {
            try
            {
                return connection.BeginTransaction(deferred: false);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
            {
                if (!logged)
                {
                    LogWaitingForLock(logger, database.DatabasePath);
                    logged = true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (SqliteDialect.Instance.Translate(ex, "migration lock") is { } error)
            {
                throw error;
            }
        }
    }

    private static SqliteCommand Command(RunLock held, string sql)
    {
        var command = held.Connection.CreateCommand();
        command.Transaction = held.Transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return command;
    }

    private static async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (SqliteDialect.Instance.Translate(ex, "migration history") is { } error)
        {
            throw error;
        }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Another process is writing to or migrating the SQLite database {Path}; waiting for its write lock")]
    private static partial void LogWaitingForLock(ILogger logger, string path);

    /// <summary>The write lock held for the run (or for creating the history table); disposing commits and releases it.</summary>
    private sealed class RunLock(SqliteMigrationDriver driver, IDisposable turn, SqliteConnection connection, SqliteTransaction transaction) : IAsyncDisposable
    {
        public SqliteConnection Connection => connection;

        public SqliteTransaction Transaction => transaction;

        // What ran under the lock is committed (a failed migration was already rolled back to its savepoint).
        public async ValueTask DisposeAsync()
        {
            if (driver._lock == this)
            {
                driver._lock = null;
            }

            try
            {
                await transaction.CommitAsync().ConfigureAwait(false);
            }
            finally
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
                turn.Dispose();
            }
        }
    }
}
