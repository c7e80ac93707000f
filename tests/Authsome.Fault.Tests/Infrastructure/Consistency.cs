using Microsoft.Data.Sqlite;
using MongoDB.Bson;
using MongoDB.Driver;
using Npgsql;

namespace Authsome.Fault.Tests.Infrastructure;

/// <summary>
/// What must hold in the database after a fault: every sign-up answered 201 has its user and a session, no session
/// belongs to a missing user, and no refresh family has more than one live refresh token.
/// </summary>
internal static class Consistency
{
    private const string OrphanSessions =
        "SELECT count(*) FROM authsome_sessions s WHERE NOT EXISTS (SELECT 1 FROM authsome_users u WHERE u.id = s.user_id AND u.deleted_at IS NULL)";

    private const string FamiliesWithTwoLiveSessions =
        "SELECT count(*) FROM (SELECT family_id FROM authsome_sessions GROUP BY family_id HAVING count(*) > 1) f";

    private const string UsersWithSessions =
        "SELECT u.email FROM authsome_users u WHERE EXISTS (SELECT 1 FROM authsome_sessions s WHERE s.user_id = u.id)";

    public static async Task AssertPostgresAsync(string connectionString, IEnumerable<string> signedUp, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await AssertAsync(connection, signedUp, cancellationToken);
    }

    public static async Task AssertSqliteAsync(string connectionString, IEnumerable<string> signedUp, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await AssertAsync(connection, signedUp, cancellationToken);
    }

    /// <summary>The same rules over the MongoDB collections (users, sessions).</summary>
    public static async Task AssertMongoAsync(string connectionString, IEnumerable<string> signedUp, CancellationToken cancellationToken)
    {
        var database = new MongoClient(connectionString).GetDatabase(MongoUrl.Create(connectionString).DatabaseName);
        var users = await database.GetCollection<BsonDocument>("authsome_users").Find(new BsonDocument("deleted_at", BsonNull.Value)).ToListAsync(cancellationToken);
        var sessions = await database.GetCollection<BsonDocument>("authsome_sessions").Find(FilterDefinition<BsonDocument>.Empty).ToListAsync(cancellationToken);
        var userIds = users.Select(u => u["_id"].AsString).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(sessions, s => !userIds.Contains(s["user_id"].AsString));
        Assert.DoesNotContain(sessions.GroupBy(s => s["family_id"].AsString), f => f.Count() > 1);
        var withSessions = users.Where(u => sessions.Any(s => s["user_id"].AsString == u["_id"].AsString)).Select(u => u["email"].AsString).ToHashSet(StringComparer.Ordinal);
        Assert.All(signedUp, email => Assert.Contains(email, withSessions));
    }

    private static async Task AssertAsync(System.Data.Common.DbConnection connection, IEnumerable<string> signedUp, CancellationToken cancellationToken)
    {
        Assert.Equal(0L, await ScalarAsync(connection, OrphanSessions, cancellationToken));
        Assert.Equal(0L, await ScalarAsync(connection, FamiliesWithTwoLiveSessions, cancellationToken));
        var withSessions = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = UsersWithSessions;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                withSessions.Add(reader.GetString(0));
            }
        }

        Assert.All(signedUp, email => Assert.Contains(email, withSessions));
    }

    private static async Task<long> ScalarAsync(System.Data.Common.DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
