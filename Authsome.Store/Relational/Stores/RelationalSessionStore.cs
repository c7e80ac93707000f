namespace Authsome.Store.Relational;

internal sealed class RelationalSessionStore(RelationalDatabase db) : ISessionStore
{
    private const string Entity = "session";

    private const string Columns =
        "id, app_id, env_id, user_id, org_id, family_id, token_hash, refresh_token_hash, ip_address, user_agent, device_id, " +
        "impersonated_by, last_activity_at, expires_at, refresh_token_expires_at, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_sessions";

    private const string Insert =
        $"""
        INSERT INTO authsome_sessions ({Columns})
        VALUES (@id, @app_id, @env_id, @user_id, @org_id, @family_id, @token_hash, @refresh_token_hash, @ip_address, @user_agent, @device_id,
                @impersonated_by, @last_activity_at, @expires_at, @refresh_token_expires_at, @created_at, @updated_at)
        """;

    // The id, user and family never change: they tie the session to its owner and its rotated-out tokens.
    private const string Replace =
        """
        UPDATE authsome_sessions SET
            app_id = @app_id, env_id = @env_id, org_id = @org_id, token_hash = @token_hash, refresh_token_hash = @refresh_token_hash,
            ip_address = @ip_address, user_agent = @user_agent, device_id = @device_id, impersonated_by = @impersonated_by,
            last_activity_at = @last_activity_at, expires_at = @expires_at, refresh_token_expires_at = @refresh_token_expires_at,
            updated_at = @updated_at
        WHERE id = @id
        """;

    // Records the old refresh token only while the session still holds it; a concurrent rotation that recorded it
    // first makes this insert do nothing (PostgreSQL waits on the unique index, then skips the row).
    private const string RecordRotatedOut =
        """
        INSERT INTO authsome_revoked_refresh_tokens (token_hash, family_id, user_id, reason, revoked_at, expires_at, replayed_at)
        SELECT refresh_token_hash, family_id, user_id, 'rotated', @revoked_at, refresh_token_expires_at, NULL
        FROM authsome_sessions
        WHERE id = @id AND refresh_token_hash = @expected
        ON CONFLICT (token_hash) DO NOTHING
        """;

    // The same rotation as one statement, where the dialect can write in a WITH clause: one round trip instead of a
    // transaction's three (first statement, second, commit). The row lock queues a concurrent rotation of the same
    // token until this one commits; it then finds the hash changed and writes nothing.
    private const string RotateInOneStatement =
        $"""
        WITH current_row AS (
            SELECT refresh_token_hash, family_id, user_id, refresh_token_expires_at
            FROM authsome_sessions
            WHERE id = @id AND refresh_token_hash = @expected
            FOR UPDATE
        ), recorded AS (
            INSERT INTO authsome_revoked_refresh_tokens (token_hash, family_id, user_id, reason, revoked_at, expires_at, replayed_at)
            SELECT refresh_token_hash, family_id, user_id, 'rotated', @revoked_at, refresh_token_expires_at, NULL
            FROM current_row
            ON CONFLICT (token_hash) DO NOTHING
            RETURNING token_hash
        )
        {Replace} AND refresh_token_hash = @expected AND EXISTS (SELECT 1 FROM recorded)
        """;

    // Every refresh runs it (on PostgreSQL): bound by position, so Npgsql does not rewrite its placeholders each time.
    private static readonly PositionalStatement RotateByPosition = PositionalStatement.From(RotateInOneStatement);

    // The hot paths: the session and its live user in one round trip, by access token (authentication) or by refresh
    // token (refresh). Both entities have columns of the same names: each mapping reads the row by position, the
    // user's columns after the session's.
    private static readonly string SelectWithUser =
        $"SELECT {Qualified("s", Columns)}, {Qualified("u", RelationalUserStore.Columns)} " +
        "FROM authsome_sessions s JOIN authsome_users u ON u.id = s.user_id AND u.deleted_at IS NULL WHERE s.";

    private static readonly ColumnOrdinals SessionColumns = new(Columns);
    private static readonly ColumnOrdinals UserColumns = new(RelationalUserStore.Columns, first: SessionColumns.Count);

    private const string RevokedColumns = "token_hash, family_id, user_id, reason, revoked_at, expires_at, replayed_at";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await db.WriteAsync(Entity, s => s.ExecuteAsync(Insert, Args(session), cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<Session?> GetAsync(Id<Session> id, CancellationToken cancellationToken) =>
        GetByAsync("id", id.ToString(), cancellationToken);

    public ValueTask<Session?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        GetByAsync("token_hash", tokenHash.Hex, cancellationToken);

    public ValueTask<SessionWithUser?> GetWithUserByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        GetWithUserByAsync(SelectWithUser + "token_hash = $1", tokenHash, cancellationToken);

    public ValueTask<Session?> GetByRefreshTokenHashAsync(SecretHash refreshTokenHash, CancellationToken cancellationToken) =>
        GetByAsync("refresh_token_hash", refreshTokenHash.Hex, cancellationToken);

    public ValueTask<SessionWithUser?> GetWithUserByRefreshTokenHashAsync(SecretHash refreshTokenHash, CancellationToken cancellationToken) =>
        GetWithUserByAsync(SelectWithUser + "refresh_token_hash = $1", refreshTokenHash, cancellationToken);

    public async ValueTask UpdateAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var changed = await db.WriteAsync(Entity, s => s.ExecuteAsync(Replace, Args(session), cancellationToken), cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask<bool> RotateAsync(Session rotated, SecretHash expectedRefreshTokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rotated);
        var args = Args(rotated, expectedRefreshTokenHash);
        if (D.WritesInWith)
        {
            return await db.WriteAsync(Entity, s => s.ExecutePositionalAsync(RotateByPosition, args, cancellationToken), cancellationToken).ConfigureAwait(false) == 1;
        }

        return await db.TransactAsync(
            Entity,
            async s =>
            {
                if (await s.ExecuteAsync(RecordRotatedOut, args, cancellationToken).ConfigureAwait(false) == 0)
                {
                    return false;
                }

                return await s.ExecuteAsync($"{Replace} AND refresh_token_hash = @expected", args, cancellationToken).ConfigureAwait(false) == 1;
            },
            cancellationToken,
            commitWhen: rotatedIt => rotatedIt).ConfigureAwait(false);
    }

    public async ValueTask<bool> TouchAsync(Id<Session> id, SecretHash tokenHash, DateTimeOffset lastActivityAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                "UPDATE authsome_sessions SET last_activity_at = @last_activity_at, expires_at = @expires_at WHERE id = @id AND token_hash = @token_hash",
                new { id = id.ToString(), token_hash = tokenHash.Hex, last_activity_at = D.Time(StoreTime.Normalize(lastActivityAt)), expires_at = D.Time(StoreTime.Normalize(expiresAt)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<bool> DeleteAsync(Id<Session> id, CancellationToken cancellationToken) =>
        await DeleteWhereAsync("id = @id", new { id = id.ToString() }, cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<int> DeleteByUserAsync(Id<User> userId, Id<Session>? except, CancellationToken cancellationToken) =>
        await DeleteWhereAsync(
            except is null ? "user_id = @user_id" : "user_id = @user_id AND id <> @except",
            new { user_id = userId.ToString(), except = except?.ToString() },
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<int> DeleteFamilyAsync(Id<Session> familyId, CancellationToken cancellationToken) =>
        await DeleteWhereAsync("family_id = @family_id", new { family_id = familyId.ToString() }, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Session>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryAsync($"{Select} WHERE user_id = @user_id ORDER BY id", new { user_id = userId.ToString() }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<Page<Session>> ListByAppAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        await Paging.ListAsync(db, Entity, "authsome_sessions", Columns, "app_id = @app_id", new { app_id = appId.ToString() }, page, page.After<Session>()?.ToString(), Map, x => x.Id.ToString(), cancellationToken).ConfigureAwait(false);

    public async ValueTask<int> CountActiveAsync(Id<User> userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (int)await db.ReadAsync(
            Entity,
            s => s.ScalarAsync<long>(
                "SELECT COUNT(*) FROM authsome_sessions WHERE user_id = @user_id AND refresh_token_expires_at > @now",
                new { user_id = userId.ToString(), now = D.Time(StoreTime.Normalize(now)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<RevokedRefreshToken?> GetRevokedRefreshTokenAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync(
                $"SELECT {RevokedColumns} FROM authsome_revoked_refresh_tokens WHERE token_hash = @token_hash",
                new { token_hash = tokenHash.Hex },
                MapRevoked,
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<bool> MarkRefreshTokenReplayedAsync(SecretHash tokenHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                "UPDATE authsome_revoked_refresh_tokens SET replayed_at = @at WHERE token_hash = @token_hash AND replayed_at IS NULL",
                new { token_hash = tokenHash.Hex, at = D.Time(StoreTime.Normalize(at)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;

    // Not an async method: awaiting here would only add a state machine to every authenticated request.
    private ValueTask<SessionWithUser?> GetWithUserByAsync(string sql, SecretHash hash, CancellationToken cancellationToken) =>
        new(db.ReadAsync(
            Entity,
            s => s.QueryFirstPositionalAsync(sql, hash.Hex, r => new SessionWithUser(Map(r.At(SessionColumns)), RelationalUserStore.Map(r.At(UserColumns))), cancellationToken),
            cancellationToken));

    private async ValueTask<Session?> GetByAsync(string column, string value, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE {column} = @value", new { value }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    private Task<int> DeleteWhereAsync(string where, object args, CancellationToken cancellationToken) =>
        db.WriteAsync(Entity, s => s.ExecuteAsync($"DELETE FROM authsome_sessions WHERE {where}", args, cancellationToken), cancellationToken);

    // A dictionary, not an anonymous object: Dapper takes it for the named statements, and the positional rotation
    // reads it by name.
    private Dictionary<string, object?> Args(Session x, SecretHash? expected = null) => new(19, StringComparer.Ordinal)
    {
        ["id"] = x.Id.ToString(),
        ["app_id"] = x.AppId.ToString(),
        ["env_id"] = x.EnvId.ToString(),
        ["user_id"] = x.UserId.ToString(),
        ["org_id"] = x.OrgId?.ToString(),
        ["family_id"] = x.FamilyId.ToString(),
        ["token_hash"] = x.TokenHash.Hex,
        ["refresh_token_hash"] = x.RefreshTokenHash.Hex,
        ["ip_address"] = x.IpAddress,
        ["user_agent"] = x.UserAgent,
        ["device_id"] = x.DeviceId?.ToString(),
        ["impersonated_by"] = x.ImpersonatedBy?.ToString(),
        ["last_activity_at"] = D.Time(x.LastActivityAt),
        ["expires_at"] = D.Time(x.ExpiresAt),
        ["refresh_token_expires_at"] = D.Time(x.RefreshTokenExpiresAt),
        ["created_at"] = D.Time(x.CreatedAt),
        ["updated_at"] = D.Time(x.UpdatedAt),
        ["expected"] = expected?.Hex,
        ["revoked_at"] = D.Time(x.UpdatedAt),
    };

    private static string Qualified(string table, string columns) =>
        string.Join(", ", columns.Split(", ").Select(c => $"{table}.{c}"));

    private static Session Map(RowReader r) => new()
    {
        Id = r.Id<Session>("id"),
        AppId = r.Id<App>("app_id"),
        EnvId = r.Id<AppEnvironment>("env_id"),
        UserId = r.Id<User>("user_id"),
        OrgId = r.IdOrNull<Organization>("org_id"),
        FamilyId = r.Id<Session>("family_id"),
        TokenHash = r.Hash("token_hash"),
        RefreshTokenHash = r.Hash("refresh_token_hash"),
        IpAddress = r.TextOrNull("ip_address"),
        UserAgent = r.TextOrNull("user_agent"),
        DeviceId = r.IdOrNull<Device>("device_id"),
        ImpersonatedBy = r.IdOrNull<User>("impersonated_by"),
        LastActivityAt = r.Time("last_activity_at"),
        ExpiresAt = r.Time("expires_at"),
        RefreshTokenExpiresAt = r.Time("refresh_token_expires_at"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };

    private static RevokedRefreshToken MapRevoked(RowReader r) => new()
    {
        TokenHash = r.Hash("token_hash"),
        FamilyId = r.Id<Session>("family_id"),
        UserId = r.Id<User>("user_id"),
        Reason = r.Text("reason"),
        RevokedAt = r.Time("revoked_at"),
        ExpiresAt = r.Time("expires_at"),
        ReplayedAt = r.TimeOrNull("replayed_at"),
    };
}
