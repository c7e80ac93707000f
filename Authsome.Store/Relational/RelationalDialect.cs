using System.Data.Common;
using Dapper;

namespace Authsome.Store.Relational;

/// <summary>What a database driver reports about a failed statement, in the terms the store cares about.</summary>
internal enum DbFailure
{
    /// <summary>Not a failure this store knows how to explain; reported as a generic store error.</summary>
    Other,

    /// <summary>A unique index or primary key refused the write.</summary>
    UniqueViolation,

    /// <summary>A foreign key refused the write: the referenced parent does not exist.</summary>
    ForeignKeyViolation,

    /// <summary>The database could not be reached, was busy past the timeout, or is shutting down.</summary>
    Unavailable,
}

/// <summary>
/// Everything PostgreSQL and SQLite do differently for the shared relational sub-stores. The SQL text is the same
/// for both (named <c>@parameters</c>, <c>ON CONFLICT</c>, <c>RETURNING</c>, <c>LIMIT</c>); what differs is how a
/// timestamp and a JSON document are bound and read, how a row is locked for the rest of a transaction, and how
/// the driver reports a constraint violation.
/// </summary>
internal abstract class RelationalDialect
{
    /// <summary>The migration dialect name (see <see cref="Migrations.MigrationDialects"/>).</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Appended to a <c>SELECT</c> that reads a row the transaction is about to change, so that concurrent
    /// transactions queue on it. Empty where writers are serialised anyway (SQLite).
    /// </summary>
    public abstract string ForUpdate { get; }

    /// <summary>
    /// Whether one statement can write to several tables through a <c>WITH</c> clause (PostgreSQL), so that a change
    /// that must be atomic costs one round trip instead of a transaction's several. Where it cannot (SQLite, which runs
    /// in process and has no round trips to save), such changes take a transaction.
    /// </summary>
    public virtual bool WritesInWith => false;

    /// <summary>The parameter value for a timestamp (already normalised by the entity).</summary>
    public abstract object Time(DateTimeOffset value);

    /// <summary>The parameter value for an optional timestamp.</summary>
    public object? Time(DateTimeOffset? value) => value is { } v ? Time(v) : null;

    /// <summary>Reads a timestamp column written with <see cref="Time(DateTimeOffset)"/>.</summary>
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>A parameter that binds JSON text to a JSON column.</summary>
    public abstract SqlMapper.ICustomQueryParameter Json(string json);

    /// <summary>
    /// A text parameter bound to <c>$1</c> in the SQL text (both databases read it), for the hot reads that bypass
    /// Dapper: see <see cref="SqlSession.QueryFirstPositionalAsync{T}"/>.
    /// </summary>
    public abstract DbParameter FirstText(string value);

    /// <summary>Classifies a driver exception; <paramref name="constraint"/> names the unique key that refused a write, as the dialect can tell it.</summary>
    public abstract DbFailure Classify(Exception exception, out UniqueKey? constraint);

    /// <summary>
    /// Translates a driver exception into the store's error contract, or returns null when the exception is not
    /// the driver's (cancellation, a bug in the store) and should propagate unchanged.
    /// </summary>
    public StoreException? Translate(Exception exception, string entity)
    {
        if (exception is StoreException or OperationCanceledException or ArgumentException)
        {
            return null;
        }

        return Classify(exception, out var constraint) switch
        {
            DbFailure.UniqueViolation => new StoreConflictException(constraint?.Kind ?? ConflictKind.Duplicate, entity),
            DbFailure.ForeignKeyViolation => new StoreConflictException(ConflictKind.MissingReference, entity),
            DbFailure.Unavailable => new StoreUnavailableException($"The {Name} database is unavailable.", exception),
            _ when exception is DbException or TimeoutException or IOException or InvalidOperationException
                => new StoreException($"The {Name} database failed to store or read the {entity}.", exception),
            _ => null,
        };
    }
}
