using System.Diagnostics;
using System.Text;
using Authsome.Store;
using Npgsql;

namespace Authsome.Bench.Database;

/// <summary>
/// Seeds users and sessions straight into PostgreSQL with <c>generate_series</c>, thousands of times faster than the
/// API: rows match the schema (TypeID ids, SHA-256 hex token hashes, the platform app and its default environment,
/// an Argon2id hash at the API's parameters) and are numbered as <see cref="BenchData"/> describes.
/// </summary>
internal sealed class Seeder : IAsyncDisposable
{
    // Rows per INSERT, so a million rows go in as ten statements with progress in between.
    private const int Chunk = 100_000;

    private const string Crockford = "0123456789abcdefghjkmnpqrstvwxyz";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _appId;
    private readonly string _envId;
    private readonly string _passwordHash;

    // The first 16 of the 26 TypeID characters come from one real UUIDv7 (time, version and variant bits); the last
    // 10 (50 random bits in a UUIDv7) carry the row number, so ids are unique, valid and sort by number.
    private readonly string _userIdPrefix = Id<User>.New().ToString()[..^10];
    private readonly string _sessionIdPrefix = Id<Session>.New().ToString()[..^10];

    private Seeder(NpgsqlDataSource dataSource, string appId, string envId, string passwordHash)
    {
        _dataSource = dataSource;
        _appId = appId;
        _envId = envId;
        _passwordHash = passwordHash;
    }

    /// <summary>Opens the database the API migrated and finds the platform app and default environment it created.</summary>
    public static async Task<Seeder> OpenAsync(string connectionString, string passwordHash, CancellationToken cancellationToken)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT a.id, e.id FROM authsome_apps a
            JOIN authsome_environments e ON e.app_id = a.id AND e.is_default
            WHERE a.is_platform
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            await dataSource.DisposeAsync();
            throw new BenchException("The database has no platform app with a default environment; did the API start and migrate?");
        }

        return new Seeder(dataSource, reader.GetString(0), reader.GetString(1), passwordHash);
    }

    /// <summary>Inserts users and their sessions numbered <paramref name="from"/> to <paramref name="to"/>, then refreshes the planner's statistics.</summary>
    public async Task SeedAsync(long from, long to, Action<string> progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // Skips the foreign-key triggers for this bulk load only: every row references the app, environment and user
        // inserted here or by the API, by construction. Superuser only, which the throw-away cluster's user is.
        await ExecuteAsync(connection, "SET session_replication_role = replica", null, cancellationToken);
        for (var start = from; start <= to; start += Chunk)
        {
            var end = Math.Min(to, start + Chunk - 1);
            await ExecuteAsync(connection, InsertUsers(), Parameters(start, end, now), cancellationToken);
            await ExecuteAsync(connection, InsertSessions(), Parameters(start, end, now), cancellationToken);
            progress($"seeded users and sessions {start:N0}-{end:N0} ({started.Elapsed.TotalSeconds:0} s)");
        }

        await ExecuteAsync(connection, "VACUUM ANALYZE authsome_users, authsome_sessions", null, cancellationToken);
        progress($"seeded {to - from + 1:N0} users and sessions in {started.Elapsed.TotalSeconds:0} s (VACUUM ANALYZE included)");
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private string InsertUsers() =>
        $"""
        INSERT INTO authsome_users (id, app_id, env_id, email, email_verified, name, password_hash, password_changed_at, created_at, updated_at)
        SELECT {TypeId(_userIdPrefix, "i")}, @app_id, @env_id, 'bench-' || i || '@example.com', TRUE, 'Bench User ' || i,
               @password_hash, @now, @now, @now
        FROM generate_series(@from, @to) AS i
        """;

    private string InsertSessions() =>
        $"""
        INSERT INTO authsome_sessions (id, app_id, env_id, user_id, family_id, token_hash, refresh_token_hash, ip_address, user_agent,
                                       last_activity_at, expires_at, refresh_token_expires_at, created_at, updated_at)
        SELECT s.id, @app_id, @env_id, {TypeId(_userIdPrefix, "i")}, s.id,
               encode(sha256(convert_to(@access_prefix || lpad(i::text, {BenchData.TokenLength - BenchData.AccessTokenPrefix.Length}, '0'), 'UTF8')), 'hex'),
               encode(sha256(convert_to(@refresh_prefix || lpad(i::text, {BenchData.TokenLength - BenchData.RefreshTokenPrefix.Length}, '0'), 'UTF8')), 'hex'),
               '127.0.0.1', 'authsome-bench', @now, @expires_at, @refresh_expires_at, @now, @now
        FROM generate_series(@from, @to) AS i
        CROSS JOIN LATERAL (SELECT {TypeId(_sessionIdPrefix, "i")} AS id) AS s
        """;

    private NpgsqlParameter[] Parameters(long from, long to, DateTimeOffset now) =>
    [
        new("from", from),
        new("to", to),
        new("app_id", _appId),
        new("env_id", _envId),
        new("password_hash", _passwordHash),
        new("access_prefix", BenchData.AccessTokenPrefix),
        new("refresh_prefix", BenchData.RefreshTokenPrefix),
        new("now", now),
        // Long enough to outlast the run; the API's own sessions get its configured lifetimes.
        new("expires_at", now.AddHours(12)),
        new("refresh_expires_at", now.AddDays(30)),
    ];

    /// <summary>A SQL expression: the prefix and the last ten Crockford base32 digits of the bigint <paramref name="number"/>.</summary>
    private static string TypeId(string prefix, string number)
    {
        var sql = new StringBuilder().Append('\'').Append(prefix).Append('\'');
        for (var shift = 45; shift >= 0; shift -= 5)
        {
            sql.Append($" || substr('{Crockford}', (({number} >> {shift}) & 31)::int + 1, 1)");
        }

        return sql.ToString();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, NpgsqlParameter[]? parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        if (parameters is not null)
        {
            command.Parameters.AddRange(parameters);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
