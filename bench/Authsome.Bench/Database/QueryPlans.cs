using System.Text;
using Npgsql;

namespace Authsome.Bench.Database;

/// <summary>
/// The plans PostgreSQL picks for GET /me's two lookups (<c>EXPLAIN ANALYZE</c> with buffers, one real token), so the
/// results show that both are unique-index probes touching a handful of pages whatever the table size.
/// </summary>
internal static class QueryPlans
{
    public static async Task<string> ExplainMeAsync(string connectionString, long session, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var plans = new StringBuilder();
        var userId = await ExplainAsync(
            dataSource, plans, "session by token hash",
            "SELECT * FROM authsome_sessions WHERE token_hash = $1",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(BenchData.AccessToken(session)))),
            "user_id",
            cancellationToken);
        await ExplainAsync(dataSource, plans, "user by id", "SELECT * FROM authsome_users WHERE id = $1 AND deleted_at IS NULL", userId, null, cancellationToken);
        return plans.ToString();
    }

    /// <summary>Appends the plan of <paramref name="sql"/> and returns <paramref name="column"/> of the row it finds.</summary>
    private static async Task<string?> ExplainAsync(
        NpgsqlDataSource dataSource, StringBuilder plans, string title, string sql, string? value, string? column, CancellationToken cancellationToken)
    {
        plans.AppendLine($"{title}:");
        await using (var explain = dataSource.CreateCommand($"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}"))
        {
            explain.Parameters.Add(new() { Value = value ?? string.Empty });
            await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                plans.AppendLine("    " + reader.GetString(0));
            }
        }

        if (column is null)
        {
            return null;
        }

        await using var query = dataSource.CreateCommand($"SELECT {column} FROM ({sql}) AS row");
        query.Parameters.Add(new() { Value = value ?? string.Empty });
        return await query.ExecuteScalarAsync(cancellationToken) as string;
    }
}
