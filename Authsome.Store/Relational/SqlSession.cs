using System.Data.Common;
using Dapper;

namespace Authsome.Store.Relational;

/// <summary>
/// Runs parameterised statements on one open connection, inside a transaction when there is one. Parameters are
/// Dapper parameter objects with named <c>@parameters</c> (timestamps through <see cref="RelationalPluginContext.Time"/>),
/// except on the hot paths: the reads bind one text parameter as <c>$1</c>, and refresh's rotation binds its
/// parameters by position (<see cref="PositionalStatement"/>); rows are mapped by hand through
/// <see cref="RowReader"/>. A session lives only inside the callback it is given to; errors are translated by the call
/// that opened it.
/// </summary>
public sealed class SqlSession
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly RelationalDialect _dialect;

    internal SqlSession(DbConnection connection, DbTransaction? transaction, RelationalDialect dialect)
    {
        _connection = connection;
        _transaction = transaction;
        _dialect = dialect;
    }

    internal RelationalDialect Dialect => _dialect;

    /// <summary>Runs a statement and returns how many rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, object? args, CancellationToken cancellationToken) =>
        _connection.ExecuteAsync(Command(sql, args, cancellationToken));

    /// <summary>The first column of the first row, or default when there is no row or it is NULL.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, object? args, CancellationToken cancellationToken)
    {
        var value = await _connection.ExecuteScalarAsync(Command(sql, args, cancellationToken)).ConfigureAwait(false);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first row mapped, or null.</summary>
    public async Task<T?> QueryFirstAsync<T>(string sql, object? args, Func<RowReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var reader = await _connection.ExecuteReaderAsync(Command(sql, args, cancellationToken)).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(new RowReader(reader, _dialect)) : null;
        }
    }

    /// <summary>
    /// The first row mapped, or null, for a statement whose one parameter is the text <c>$1</c>: the reads every
    /// authenticated request and every refresh make. They skip Dapper (its parameter reflection, and on PostgreSQL the
    /// driver's rewrite of named placeholders) and leave the whole row to <paramref name="map"/>.
    /// </summary>
    internal async Task<T?> QueryFirstPositionalAsync<T>(string sql, string parameter, Func<RowReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var command = _connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            command.Transaction = _transaction;
            command.Parameters.Add(_dialect.FirstText(parameter));
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(new RowReader(reader, _dialect)) : null;
            }
        }
    }

    /// <summary>
    /// Runs a hot write on PostgreSQL with its parameters bound by position (see <see cref="PositionalStatement"/>),
    /// taking each parameter's value from <paramref name="values"/> by name; returns how many rows it changed. The
    /// parameters are unnamed, which Npgsql binds to <c>$1</c>, <c>$2</c>, ...; SQLite would not.
    /// </summary>
    internal async Task<int> ExecutePositionalAsync(PositionalStatement statement, IReadOnlyDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var command = _connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = statement.Text;
            command.Transaction = _transaction;
            foreach (var name in statement.Names)
            {
                var parameter = command.CreateParameter();
                parameter.Value = values[name] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every row, mapped, in the order the statement returns them.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args, Func<RowReader, T> map, CancellationToken cancellationToken)
    {
        var reader = await _connection.ExecuteReaderAsync(Command(sql, args, cancellationToken)).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var rows = new List<T>();
            var row = new RowReader(reader, _dialect);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(row));
            }

            return rows;
        }
    }

    private CommandDefinition Command(string sql, object? args, CancellationToken cancellationToken) =>
        new(sql, args, _transaction, cancellationToken: cancellationToken);
}
