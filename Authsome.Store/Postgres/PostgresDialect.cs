using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using Authsome.Store.Migrations;
using Authsome.Store.Relational;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Authsome.Store.Postgres;

/// <summary>PostgreSQL: TIMESTAMPTZ timestamps, JSONB documents, row locks, and SQLSTATE error codes.</summary>
internal sealed class PostgresDialect : RelationalDialect
{
    public static PostgresDialect Instance { get; } = new();

    public override string Name => MigrationDialects.Postgres;

    public override string ForUpdate => " FOR UPDATE";

    public override bool WritesInWith => true;

    // Npgsql writes a DateTimeOffset with a zero offset as timestamptz; the entities keep every time in UTC.
    public override object Time(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override SqlMapper.ICustomQueryParameter Json(string json) => new JsonbParameter(json);

    // An unnamed parameter makes Npgsql send the SQL text as it is, without parsing it for named placeholders; the
    // typed parameter writes the string without boxing it.
    public override DbParameter FirstText(string value) => new NpgsqlParameter<string> { TypedValue = value };

    public override DbFailure Classify(Exception exception, out UniqueKey? constraint)
    {
        constraint = null;
        switch (exception)
        {
            case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique:
                constraint = UniqueKeys.ByName(unique.ConstraintName);
                return DbFailure.UniqueViolation;
            case PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation }:
                return DbFailure.ForeignKeyViolation;
            case PostgresException pg:
                return IsUnavailable(pg.SqlState) ? DbFailure.Unavailable : DbFailure.Other;
            case NpgsqlException or TimeoutException or SocketException or IOException:
                // Not a server error: the connection failed, timed out, or the pool had nothing to give.
                return DbFailure.Unavailable;
            default:
                return DbFailure.Other;
        }
    }

    // Connection exceptions (08), insufficient resources (53), operator intervention (57: shutdown, statement
    // timeout), and transaction rollbacks the server asks clients to retry (40001, 40P01).
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    private sealed class JsonbParameter(string json) : SqlMapper.ICustomQueryParameter
    {
        public void AddParameter(IDbCommand command, string name) =>
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json });
    }
}
