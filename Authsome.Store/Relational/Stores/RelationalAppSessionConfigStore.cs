namespace Authsome.Store.Relational;

internal sealed class RelationalAppSessionConfigStore(RelationalDatabase db) : IAppConfigStore<AppSessionConfig>
{
    private const string Entity = "app session config";

    private const string Columns =
        "id, app_id, token_ttl_ms, refresh_token_ttl_ms, max_active_sessions, rotate_refresh_token, bind_to_ip, bind_to_device, token_format, " +
        "absolute_lifetime_ms, idle_timeout_ms, created_at, updated_at";

    // One per app: setting again replaces the overrides but keeps the stored id and creation time.
    private const string Upsert =
        $"""
        INSERT INTO authsome_app_session_configs ({Columns})
        VALUES (@id, @app_id, @token_ttl_ms, @refresh_token_ttl_ms, @max_active_sessions, @rotate_refresh_token, @bind_to_ip, @bind_to_device, @token_format,
                @absolute_lifetime_ms, @idle_timeout_ms, @created_at, @updated_at)
        ON CONFLICT (app_id) DO UPDATE SET
            token_ttl_ms = excluded.token_ttl_ms, refresh_token_ttl_ms = excluded.refresh_token_ttl_ms,
            max_active_sessions = excluded.max_active_sessions, rotate_refresh_token = excluded.rotate_refresh_token,
            bind_to_ip = excluded.bind_to_ip, bind_to_device = excluded.bind_to_device, token_format = excluded.token_format,
            absolute_lifetime_ms = excluded.absolute_lifetime_ms, idle_timeout_ms = excluded.idle_timeout_ms,
            updated_at = excluded.updated_at
        RETURNING {Columns}
        """;

    private RelationalDialect D => db.Dialect;

    public async ValueTask<AppSessionConfig?> GetAsync(Id<App> appId, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"SELECT {Columns} FROM authsome_app_session_configs WHERE app_id = @app_id", new { app_id = appId.ToString() }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<AppSessionConfig> SetAsync(AppSessionConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var args = new
        {
            id = config.Id.ToString(),
            app_id = config.AppId.ToString(),
            token_ttl_ms = Milliseconds(config.TokenTtl),
            refresh_token_ttl_ms = Milliseconds(config.RefreshTokenTtl),
            max_active_sessions = config.MaxActiveSessions,
            rotate_refresh_token = config.RotateRefreshToken,
            bind_to_ip = config.BindToIp,
            bind_to_device = config.BindToDevice,
            token_format = EnumText.Of(config.TokenFormat),
            absolute_lifetime_ms = Milliseconds(config.AbsoluteLifetime),
            idle_timeout_ms = Milliseconds(config.IdleTimeout),
            created_at = D.Time(config.CreatedAt),
            updated_at = D.Time(config.UpdatedAt),
        };
        var stored = await db.WriteAsync(Entity, s => s.QueryFirstAsync(Upsert, args, Map, cancellationToken), cancellationToken).ConfigureAwait(false);
        return stored ?? throw new StoreException("The app session config upsert returned no row.");
    }

    public async ValueTask<bool> DeleteAsync(Id<App> appId, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_app_session_configs WHERE app_id = @app_id", new { app_id = appId.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    // Durations are kept in whole milliseconds, the precision every backend keeps for time.
    private static long? Milliseconds(TimeSpan? value) => value is { } v ? v.Ticks / TimeSpan.TicksPerMillisecond : null;

    private static AppSessionConfig Map(RowReader r) => new()
    {
        Id = r.Id<AppSessionConfig>("id"),
        AppId = r.Id<App>("app_id"),
        TokenTtl = r.DurationOrNull("token_ttl_ms"),
        RefreshTokenTtl = r.DurationOrNull("refresh_token_ttl_ms"),
        MaxActiveSessions = r.IntOrNull("max_active_sessions"),
        RotateRefreshToken = r.BoolOrNull("rotate_refresh_token"),
        BindToIp = r.BoolOrNull("bind_to_ip"),
        BindToDevice = r.BoolOrNull("bind_to_device"),
        TokenFormat = r.EnumOrNull<TokenFormat>("token_format"),
        AbsoluteLifetime = r.DurationOrNull("absolute_lifetime_ms"),
        IdleTimeout = r.DurationOrNull("idle_timeout_ms"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
