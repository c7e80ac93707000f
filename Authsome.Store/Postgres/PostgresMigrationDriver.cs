using Authsome.Store.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Authsome.Store.Postgres;

/// <summary>
/// Runs migrations on PostgreSQL: a session-level advisory lock held for the whole run (released by the server if
/// the process dies), and each migration with its history row in one transaction, since PostgreSQL's DDL is
/// transactional.
/// </summary>
internal sealed partial class PostgresMigrationDriver(NpgsqlDataSource dataSource, TimeProvider time, ILogger logger) : IMigrationDriver
{
    // Every Authsome migrator takes this one lock: the ASCII of "authsome" as a 64-bit key.
    private const long LockKey = 0x61757468736F6D65;

    private const string CreateHistory =
        """
        CREATE TABLE IF NOT EXISTS authsome_migrations (
            group_name TEXT COLLATE "C" NOT NULL,
            version    BIGINT NOT NULL,
            name       TEXT NOT NULL,
            checksum   TEXT NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (group_name, version)
        )
        """;

    public string Dialect => MigrationDialects.Postgres;

    public Task EnsureHistoryAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            // Concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog; the transaction-scoped
            // advisory lock makes creators take turns.
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, CreateHistory, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        });

    public async Task<IAsyncDisposable> AcquireLockAsync(CancellationToken cancellationToken) =>
        await RunAsync<IAsyncDisposable>(async () =>
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using (var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection))
                {
                    if (await tryLock.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
                    {
                        LogWaitingForLock(logger);
                        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken).ConfigureAwait(false);
                    }
                }

                return new SessionLock(connection);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }).ConfigureAwait(false);

    public Task<IReadOnlyList<AppliedMigration>> ReadHistoryAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<AppliedMigration>>(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (var exists = new NpgsqlCommand("SELECT to_regclass('authsome_migrations') IS NOT NULL", connection))
            {
                if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
                {
                    return [];
                }
            }

            await using var command = new NpgsqlCommand("SELECT group_name, version, name, checksum, applied_at FROM authsome_migrations ORDER BY group_name, version", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var history = new List<AppliedMigration>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                history.Add(new AppliedMigration(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
            }

            return history;
        });

    public async Task ApplyAsync(string group, Migration migration, MigrationScript script, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        ArgumentNullException.ThrowIfNull(script);
        if (script is not SqlMigrationScript sql)
        {
            throw new MigrationException($"Migration {group} {migration} has a {script.GetType().Name}; PostgreSQL runs SQL scripts only.", group, migration.Version, migration.Name);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, sql.Up, cancellationToken).ConfigureAwait(false);
        await using (var record = new NpgsqlCommand(
            "INSERT INTO authsome_migrations (group_name, version, name, checksum, applied_at) VALUES ($1, $2, $3, $4, $5)",
            connection))
        {
            record.Parameters.Add(new() { Value = group });
            record.Parameters.Add(new() { Value = migration.Version });
            record.Parameters.Add(new() { Value = migration.Name });
            record.Parameters.Add(new() { Value = sql.Checksum });
            record.Parameters.Add(new() { Value = StoreTime.Normalize(time.GetUtcNow()) });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    // Migrations and lock waits may take longer than a query's default timeout: only cancellation stops them.
    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresDialect.Instance.Translate(ex, "migration history") is { } error)
        {
            throw error;
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Another process is migrating this PostgreSQL database; waiting for its migration lock")]
    private static partial void LogWaitingForLock(ILogger logger);

    private sealed class SessionLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
                await unlock.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch
            {
                // The pool does not reset connections (No Reset On Close): make sure this one, which may still hold
                // the lock, is closed for real rather than handed to the next caller.
                NpgsqlConnection.ClearPool(connection);
                throw;
            }
            finally
            {
                // The explicit unlock is what releases the lock: the pool does not reset connections it takes back.
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
