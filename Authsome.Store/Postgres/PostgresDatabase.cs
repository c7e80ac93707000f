using System.Data.Common;
using Authsome.Store.Relational;
using Npgsql;

namespace Authsome.Store.Postgres;

/// <summary>PostgreSQL connections come from one pooled <see cref="NpgsqlDataSource"/>; writers run concurrently under MVCC.</summary>
internal sealed class PostgresDatabase(NpgsqlDataSource dataSource, bool ownsDataSource) : RelationalDatabase(PostgresDialect.Instance)
{
    public NpgsqlDataSource DataSource => dataSource;

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override ValueTask DisposeAsync() => ownsDataSource ? dataSource.DisposeAsync() : ValueTask.CompletedTask;

    // READ COMMITTED: each statement sees the latest committed rows, and rows it changes are locked until commit,
    // which is what the conditional updates and FOR UPDATE reads rely on.
    protected override ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
}
