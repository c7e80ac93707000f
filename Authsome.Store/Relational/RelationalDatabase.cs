using System.Data.Common;

namespace Authsome.Store.Relational;

/// <summary>
/// A relational database as the sub-stores use it: every operation opens a pooled connection, runs one or a few
/// statements, and translates any driver failure into the store's error contract. Subclasses supply connections
/// and decide how writers are serialised.
/// </summary>
internal abstract class RelationalDatabase(RelationalDialect dialect) : IAsyncDisposable
{
    public RelationalDialect Dialect { get; } = dialect;

    /// <summary>Opens a connection configured for the store (pooled where the driver pools).</summary>
    public abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <summary>Runs statements that only read.</summary>
    public async Task<T> ReadAsync<T>(string entity, Func<SqlSession, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await read(new SqlSession(connection, null, Dialect)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (Dialect.Translate(ex, entity) is { } error)
        {
            throw error;
        }
    }

    /// <summary>Runs one statement that writes (atomic on its own, so no explicit transaction).</summary>
    public async Task<T> WriteAsync<T>(string entity, Func<SqlSession, Task<T>> write, CancellationToken cancellationToken)
    {
        try
        {
            using var writer = await EnterWriterAsync(cancellationToken).ConfigureAwait(false);
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await write(new SqlSession(connection, null, Dialect)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (Dialect.Translate(ex, entity) is { } error)
        {
            throw error;
        }
    }

    /// <summary>
    /// Runs statements in one write transaction. It commits when <paramref name="commitWhen"/> accepts the result
    /// (always, when not given) and rolls back otherwise or when anything throws.
    /// </summary>
    public async Task<T> TransactAsync<T>(string entity, Func<SqlSession, Task<T>> work, CancellationToken cancellationToken, Func<T, bool>? commitWhen = null)
    {
        try
        {
            using var writer = await EnterWriterAsync(cancellationToken).ConfigureAwait(false);
            var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var result = await work(new SqlSession(connection, transaction, Dialect)).ConfigureAwait(false);
                    if (commitWhen is null || commitWhen(result))
                    {
                        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    }

                    return result;
                }
            }
        }
        catch (Exception ex) when (Dialect.Translate(ex, entity) is { } error)
        {
            throw error;
        }
    }

    /// <summary>
    /// Waits for this process's turn to write, where the database admits one writer at a time; disposing the
    /// result ends the turn. The default admits every writer at once.
    /// </summary>
    protected virtual ValueTask<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Begins a transaction that will write.</summary>
    protected abstract ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);
}
