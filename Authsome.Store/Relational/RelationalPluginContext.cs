using Authsome.Store.Migrations;

namespace Authsome.Store.Relational;

/// <summary>
/// What a plugin's relational sub-store gets from a PostgreSQL or SQLite store: the store's own connections,
/// its write path (on SQLite, the process's write queue and <c>BEGIN IMMEDIATE</c>; foreign keys are on for every
/// connection) and its error contract. Every call translates driver failures: a unique or primary key violation
/// becomes <see cref="StoreConflictException"/> (<see cref="ConflictKind.Duplicate"/>), a foreign key violation
/// <see cref="StoreConflictException"/> (<see cref="ConflictKind.MissingReference"/>), an unreachable or busy
/// database <see cref="StoreUnavailableException"/>, anything else from the driver <see cref="StoreException"/>.
/// </summary>
/// <remarks>
/// Write SQL both databases accept (named <c>@parameters</c>, <c>ON CONFLICT</c>, <c>RETURNING</c>, <c>LIMIT</c>); bind
/// timestamps with <see cref="Time"/> and read them with <see cref="RowReader.Time"/>; branch on <see cref="Dialect"/>
/// for the rare statement that must differ. Your tables come from your migration group's SQL scripts.
/// </remarks>
public sealed class RelationalPluginContext
{
    private readonly RelationalDatabase _database;

    internal RelationalPluginContext(RelationalDatabase database) => _database = database;

    /// <summary><see cref="MigrationDialects.Postgres"/> or <see cref="MigrationDialects.Sqlite"/>.</summary>
    public string Dialect => _database.Dialect.Name;

    /// <summary>
    /// Appended to a <c>SELECT</c> inside <see cref="TransactAsync{T}"/> that reads rows the transaction is about to
    /// change, so concurrent transactions queue on them (<c> FOR UPDATE</c> on PostgreSQL; empty on SQLite, whose
    /// writers take turns anyway).
    /// </summary>
    public string ForUpdate => _database.Dialect.ForUpdate;

    /// <summary>
    /// The parameter value for a timestamp, normalised to UTC milliseconds (<see cref="StoreTime.Normalize(DateTimeOffset)"/>):
    /// a <c>TIMESTAMPTZ</c> on PostgreSQL, <c>INTEGER</c> unix milliseconds on SQLite.
    /// </summary>
    public object Time(DateTimeOffset value) => _database.Dialect.Time(StoreTime.Normalize(value));

    /// <summary>Runs statements that only read. <paramref name="entity"/> names what is read, for errors (e.g. "password history").</summary>
    public Task<T> ReadAsync<T>(string entity, Func<SqlSession, Task<T>> read, CancellationToken cancellationToken) =>
        _database.ReadAsync(entity, read, cancellationToken);

    /// <summary>Runs one statement that writes (atomic on its own), in the store's write path.</summary>
    public Task<T> WriteAsync<T>(string entity, Func<SqlSession, Task<T>> write, CancellationToken cancellationToken) =>
        _database.WriteAsync(entity, write, cancellationToken);

    /// <summary>
    /// Runs statements in one write transaction, which commits when <paramref name="work"/> returns and rolls back when
    /// it throws. Do not catch a statement's failure inside it and go on: the transaction may already be aborted.
    /// </summary>
    public Task<T> TransactAsync<T>(string entity, Func<SqlSession, Task<T>> work, CancellationToken cancellationToken) =>
        _database.TransactAsync(entity, work, cancellationToken);
}
