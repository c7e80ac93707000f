using System.Data.Common;

namespace Authsome.Store.Relational;

/// <summary>
/// A relational database as the sub-stores use it: every operation opens a pooled connection, runs one or a few
/// statements, and translates any driver failure into the store's error contract. Subclasses supply connections
/// and decide how writers are serialised.
/// </summary>
/// <remarks>
/// Inside a unit of work (<see cref="InTransactionAsync{T}"/>) every call of the unit's async flow runs on the unit's
/// connection and transaction instead: no connection of its own, no writer turn of its own (the unit holds it), and a
/// nested <see cref="TransactAsync{T}"/> becomes part of the unit (a savepoint, when it may roll back on its own).
/// </remarks>
internal abstract class RelationalDatabase(RelationalDialect dialect) : IAsyncDisposable
{
    private const string UnitEntity = "unit of work";

    private readonly AsyncLocal<RelationalUnit?> _unit = new();

    public RelationalDialect Dialect { get; } = dialect;

    private RelationalUnit? Unit => _unit.Value is { IsOpen: true } unit ? unit : null;

    /// <summary>Opens a connection configured for the store (pooled where the driver pools).</summary>
    public abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <summary>Runs statements that only read.</summary>
    public async Task<T> ReadAsync<T>(string entity, Func<SqlSession, Task<T>> read, CancellationToken cancellationToken)
    {
        if (Unit is { } unit)
        {
            return await InUnitAsync(unit, entity, read, commitWhen: null, cancellationToken).ConfigureAwait(false);
        }

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
        if (Unit is { } unit)
        {
            return await InUnitAsync(unit, entity, write, commitWhen: null, cancellationToken).ConfigureAwait(false);
        }

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
        if (Unit is { } unit)
        {
            return await InUnitAsync(unit, entity, work, commitWhen, cancellationToken).ConfigureAwait(false);
        }

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
    /// Runs <paramref name="work"/> as one unit of work on one connection and one write transaction (holding the writer
    /// turn throughout): every call of this database in its async flow joins it. Commits when the work returns and no
    /// call inside failed; rolls back otherwise. A unit started inside a unit joins it.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Unit is { } outer)
        {
            try
            {
                return await work(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The inner unit failed; the outer one cannot commit half of it.
                outer.Doom(ex);
                throw;
            }
        }

        IDisposable? writer = null;
        DbConnection? connection = null;
        DbTransaction? transaction = null;
        try
        {
            try
            {
                writer = await EnterWriterAsync(cancellationToken).ConfigureAwait(false);
                connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                transaction = await BeginWriteTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (Dialect.Translate(ex, UnitEntity) is { } error)
            {
                throw error;
            }

            var unit = new RelationalUnit(connection, transaction);
            T result;
            _unit.Value = unit;
            try
            {
                result = await work(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                unit.Close();
                _unit.Value = null;
            }

            if (unit.Failure is { } failure)
            {
                throw StoreTransactions.Doomed(failure);
            }

            try
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (Dialect.Translate(ex, UnitEntity) is { } error)
            {
                throw error;
            }

            return result;
        }
        finally
        {
            // Disposing an uncommitted transaction rolls it back.
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }

            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            writer?.Dispose();
        }
    }

    /// <summary>
    /// Waits for this process's turn to write, where the database admits one writer at a time; disposing the
    /// result ends the turn. The default admits every writer at once.
    /// </summary>
    protected virtual ValueTask<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Begins a transaction that will write.</summary>
    protected abstract ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    // A call inside a unit: on the unit's connection and transaction; any failure dooms the unit. A call that may roll
    // back on its own (commitWhen) gets a savepoint, so declining leaves the rest of the unit as it was.
    private async Task<T> InUnitAsync<T>(RelationalUnit unit, string entity, Func<SqlSession, Task<T>> work, Func<T, bool>? commitWhen, CancellationToken cancellationToken)
    {
        try
        {
            var session = new SqlSession(unit.Connection, unit.Transaction, Dialect);
            if (commitWhen is null)
            {
                return await work(session).ConfigureAwait(false);
            }

            var savepoint = unit.NextSavepoint();
            await unit.Transaction.SaveAsync(savepoint, cancellationToken).ConfigureAwait(false);
            var result = await work(session).ConfigureAwait(false);
            if (commitWhen(result))
            {
                await unit.Transaction.ReleaseAsync(savepoint, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await unit.Transaction.RollbackAsync(savepoint, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        catch (Exception ex)
        {
            unit.Doom(ex);
            if (Dialect.Translate(ex, entity) is { } error)
            {
                throw error;
            }

            throw;
        }
    }
}
