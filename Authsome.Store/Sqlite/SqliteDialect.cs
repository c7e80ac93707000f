using System.Data;
using System.Data.Common;
using Authsome.Store.Migrations;
using Authsome.Store.Relational;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Authsome.Store.Sqlite;

/// <summary>
/// SQLite: timestamps as INTEGER unix milliseconds (exact for the store's millisecond times, and ordered as
/// numbers), JSON as TEXT, no row locks (one writer at a time), and result codes instead of constraint names.
/// </summary>
internal sealed class SqliteDialect : RelationalDialect
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteConstraintForeignKey = 787;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private const string UniqueFailed = "UNIQUE constraint failed: ";

    public static SqliteDialect Instance { get; } = new();

    public override string Name => MigrationDialects.Sqlite;

    public override string ForUpdate => string.Empty;

    public override object Time(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public override SqlMapper.ICustomQueryParameter Json(string json) => new TextParameter(json);

    // SQLite reads $1 as a parameter named "$1".
    public override DbParameter FirstText(string value) => new SqliteParameter("$1", SqliteType.Text) { Value = value };

    public override DbFailure Classify(Exception exception, out UniqueKey? constraint)
    {
        constraint = null;
        if (exception is not SqliteException sqlite)
        {
            return exception is TimeoutException or IOException ? DbFailure.Unavailable : DbFailure.Other;
        }

        switch (sqlite.SqliteExtendedErrorCode)
        {
            case SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                constraint = ConstraintOf(sqlite.Message);
                return DbFailure.UniqueViolation;
            case SqliteConstraintForeignKey:
                return DbFailure.ForeignKeyViolation;
        }

        // A read-only or full database file is an outage of the store (503), not a bug in the request (500).
        return sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCantOpen
            ? DbFailure.Unavailable
            : DbFailure.Other;
    }

    // SQLite names the violated index only for expression indexes ("index 'name'"); otherwise it lists the
    // columns ("t.a, t.b"), which identify the key just as well.
    private static UniqueKey? ConstraintOf(string message)
    {
        var start = message.IndexOf(UniqueFailed, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var detail = message[(start + UniqueFailed.Length)..].TrimEnd('.', '\'');
        if (detail.StartsWith("index '", StringComparison.Ordinal))
        {
            return UniqueKeys.ByName(detail["index '".Length..].TrimEnd('\''));
        }

        var columns = detail.Split(", ");
        var table = columns[0].Split('.')[0];
        return UniqueKeys.ByColumns(table, [.. columns.Select(c => c[(c.IndexOf('.', StringComparison.Ordinal) + 1)..])]);
    }

    private sealed class TextParameter(string text) : SqlMapper.ICustomQueryParameter
    {
        public void AddParameter(IDbCommand command, string name) =>
            command.Parameters.Add(new SqliteParameter(name, SqliteType.Text) { Value = text });
    }
}
