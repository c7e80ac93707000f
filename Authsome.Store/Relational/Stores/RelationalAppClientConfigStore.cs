namespace Authsome.Store.Relational;

internal sealed class RelationalAppClientConfigStore(RelationalDatabase db) : IAppConfigStore<AppClientConfig>
{
    private const string Entity = "app client config";

    private const string Columns =
        "id, app_id, sign_up_enabled, password_enabled, passkey_enabled, magic_link_enabled, mfa_enabled, mfa_required, sso_enabled, " +
        "social_providers, require_email_verification, created_at, updated_at";

    // One per app: setting again replaces the switches but keeps the stored id and creation time.
    private const string Upsert =
        $"""
        INSERT INTO authsome_app_client_configs ({Columns})
        VALUES (@id, @app_id, @sign_up_enabled, @password_enabled, @passkey_enabled, @magic_link_enabled, @mfa_enabled, @mfa_required, @sso_enabled,
                @social_providers, @require_email_verification, @created_at, @updated_at)
        ON CONFLICT (app_id) DO UPDATE SET
            sign_up_enabled = excluded.sign_up_enabled, password_enabled = excluded.password_enabled,
            passkey_enabled = excluded.passkey_enabled, magic_link_enabled = excluded.magic_link_enabled,
            mfa_enabled = excluded.mfa_enabled, mfa_required = excluded.mfa_required, sso_enabled = excluded.sso_enabled,
            social_providers = excluded.social_providers, require_email_verification = excluded.require_email_verification,
            updated_at = excluded.updated_at
        RETURNING {Columns}
        """;

    private RelationalDialect D => db.Dialect;

    public async ValueTask<AppClientConfig?> GetAsync(Id<App> appId, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"SELECT {Columns} FROM authsome_app_client_configs WHERE app_id = @app_id", new { app_id = appId.ToString() }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<AppClientConfig> SetAsync(AppClientConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var args = new
        {
            id = config.Id.ToString(),
            app_id = config.AppId.ToString(),
            sign_up_enabled = config.SignUpEnabled,
            password_enabled = config.PasswordEnabled,
            passkey_enabled = config.PasskeyEnabled,
            magic_link_enabled = config.MagicLinkEnabled,
            mfa_enabled = config.MfaEnabled,
            mfa_required = config.MfaRequired,
            sso_enabled = config.SsoEnabled,
            social_providers = D.Json(JsonColumn.List(config.SocialProviders)),
            require_email_verification = config.RequireEmailVerification,
            created_at = D.Time(config.CreatedAt),
            updated_at = D.Time(config.UpdatedAt),
        };
        var stored = await db.WriteAsync(Entity, s => s.QueryFirstAsync(Upsert, args, Map, cancellationToken), cancellationToken).ConfigureAwait(false);
        return stored ?? throw new StoreException("The app client config upsert returned no row.");
    }

    public async ValueTask<bool> DeleteAsync(Id<App> appId, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_app_client_configs WHERE app_id = @app_id", new { app_id = appId.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    private static AppClientConfig Map(RowReader r) => new()
    {
        Id = r.Id<AppClientConfig>("id"),
        AppId = r.Id<App>("app_id"),
        SignUpEnabled = r.BoolOrNull("sign_up_enabled"),
        PasswordEnabled = r.BoolOrNull("password_enabled"),
        PasskeyEnabled = r.BoolOrNull("passkey_enabled"),
        MagicLinkEnabled = r.BoolOrNull("magic_link_enabled"),
        MfaEnabled = r.BoolOrNull("mfa_enabled"),
        MfaRequired = r.BoolOrNull("mfa_required"),
        SsoEnabled = r.BoolOrNull("sso_enabled"),
        SocialProviders = r.Strings("social_providers"),
        RequireEmailVerification = r.BoolOrNull("require_email_verification"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
