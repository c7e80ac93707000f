using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Authsome.Bench.Database;

/// <summary>
/// The plans PostgreSQL picks for the statements the store runs on the hot paths (<c>EXPLAIN ANALYZE</c> with buffers,
/// real tokens of the seeded set): GET /me's session-with-user join by access-token hash, and refresh's join by
/// refresh-token hash and its one-statement rotation (run in a transaction that is rolled back, so the seed stays
/// as it was). They show that each is a unique-index probe touching a handful of pages whatever the table size. The
/// SQL is the text of <c>RelationalSessionStore</c> (and of <c>scripts/me-join.sql</c> and <c>refresh.sql</c>).
/// </summary>
internal static class QueryPlans
{
    private const string SessionColumns =
        "s.id, s.app_id, s.env_id, s.user_id, s.org_id, s.family_id, s.token_hash, s.refresh_token_hash, s.ip_address, s.user_agent, " +
        "s.device_id, s.impersonated_by, s.last_activity_at, s.expires_at, s.refresh_token_expires_at, s.created_at, s.updated_at";

    private const string UserColumns =
        "u.id AS u_id, u.app_id AS u_app_id, u.env_id AS u_env_id, u.email AS u_email, u.email_verified AS u_email_verified, u.name AS u_name, " +
        "u.first_name AS u_first_name, u.last_name AS u_last_name, u.image AS u_image, u.username AS u_username, " +
        "u.display_username AS u_display_username, u.phone AS u_phone, u.phone_verified AS u_phone_verified, u.password_hash AS u_password_hash, " +
        "u.password_changed_at AS u_password_changed_at, u.banned AS u_banned, u.ban_reason AS u_ban_reason, u.ban_expires AS u_ban_expires, " +
        "u.metadata AS u_metadata, u.created_at AS u_created_at, u.updated_at AS u_updated_at, u.deleted_at AS u_deleted_at";

    private const string SelectWithUser =
        $"SELECT {SessionColumns}, {UserColumns} FROM authsome_sessions s JOIN authsome_users u ON u.id = s.user_id AND u.deleted_at IS NULL WHERE s.";

    // RelationalSessionStore.RotateInOneStatement with the values of one seeded session; $1 is the session's id, $2
    // its current refresh-token hash.
    private const string Rotate =
        """
        WITH current_row AS (
            SELECT refresh_token_hash, family_id, user_id, refresh_token_expires_at FROM authsome_sessions
            WHERE id = $1 AND refresh_token_hash = $2 FOR UPDATE
        ), recorded AS (
            INSERT INTO authsome_revoked_refresh_tokens (token_hash, family_id, user_id, reason, revoked_at, expires_at, replayed_at)
            SELECT refresh_token_hash, family_id, user_id, 'rotated', now(), refresh_token_expires_at, NULL FROM current_row
            ON CONFLICT (token_hash) DO NOTHING RETURNING token_hash
        )
        UPDATE authsome_sessions SET token_hash = md5(token_hash) || md5(id), refresh_token_hash = md5(refresh_token_hash) || md5(id),
            last_activity_at = now(), expires_at = now() + interval '1 hour', updated_at = now()
        WHERE id = $1 AND refresh_token_hash = $2 AND EXISTS (SELECT 1 FROM recorded)
        """;

    public static async Task<string> ExplainAsync(string connectionString, long session, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var plans = new StringBuilder();
        await ExplainAsync(connection, plans, "GET /me: session with its user by access-token hash", SelectWithUser + "token_hash = $1",
            [Hash(BenchData.AccessToken(session))], cancellationToken);
        var refreshHash = Hash(BenchData.RefreshToken(session));
        await ExplainAsync(connection, plans, "refresh: session with its user by refresh-token hash", SelectWithUser + "refresh_token_hash = $1",
            [refreshHash], cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sessionId = await SessionIdAsync(connection, refreshHash, cancellationToken);
        await ExplainAsync(connection, plans, "refresh: the rotation, one statement (rolled back)", Rotate, [sessionId, refreshHash], cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        return plans.ToString();
    }

    private static async Task ExplainAsync(NpgsqlConnection connection, StringBuilder plans, string title, string sql, object[] values, CancellationToken cancellationToken)
    {
        plans.AppendLine($"{title}:");
        await using var explain = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}", connection);
        foreach (var value in values)
        {
            explain.Parameters.Add(new() { Value = value });
        }

        await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            plans.AppendLine("    " + reader.GetString(0));
        }
    }

    private static async Task<string> SessionIdAsync(NpgsqlConnection connection, string refreshHash, CancellationToken cancellationToken)
    {
        await using var query = new NpgsqlCommand("SELECT id FROM authsome_sessions WHERE refresh_token_hash = $1", connection);
        query.Parameters.Add(new() { Value = refreshHash });
        return (string)(await query.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
