namespace Authsome.Store.Relational;

internal sealed class RelationalApiKeyStore(RelationalDatabase db) : IApiKeyStore
{
    private const string Entity = "API key";

    private const string Columns =
        "id, app_id, env_id, user_id, service_account_id, name, key_prefix, key_hash, public_key, scopes, expires_at, last_used_at, revoked, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_api_keys";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(ApiKey apiKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"""
                INSERT INTO authsome_api_keys ({Columns})
                VALUES (@id, @app_id, @env_id, @user_id, @service_account_id, @name, @key_prefix, @key_hash, @public_key, @scopes, @expires_at, @last_used_at, @revoked, @created_at, @updated_at)
                """,
                Args(apiKey),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<ApiKey?> GetAsync(Id<ApiKey> id, CancellationToken cancellationToken) =>
        GetWhereAsync("id = @id", new { id = id.ToString() }, cancellationToken);

    public ValueTask<ApiKey?> GetByPrefixAsync(Id<App> appId, string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        return GetWhereAsync("app_id = @app_id AND key_prefix = @key_prefix", new { app_id = appId.ToString(), key_prefix = keyPrefix }, cancellationToken);
    }

    public ValueTask<ApiKey?> GetByKeyHashAsync(SecretHash keyHash, CancellationToken cancellationToken) =>
        GetWhereAsync("key_hash = @key_hash", new { key_hash = keyHash.Hex }, cancellationToken);

    public ValueTask<ApiKey?> GetByPublicKeyAsync(string publicKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return GetWhereAsync("public_key = @public_key", new { public_key = publicKey }, cancellationToken);
    }

    public async ValueTask UpdateAsync(ApiKey apiKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var changed = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                """
                UPDATE authsome_api_keys SET env_id = @env_id, user_id = @user_id, service_account_id = @service_account_id, name = @name,
                    key_prefix = @key_prefix, key_hash = @key_hash, public_key = @public_key, scopes = @scopes, expires_at = @expires_at,
                    last_used_at = @last_used_at, revoked = @revoked, updated_at = @updated_at
                WHERE id = @id
                """,
                Args(apiKey),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask<bool> TouchAsync(Id<ApiKey> id, DateTimeOffset lastUsedAt, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync("UPDATE authsome_api_keys SET last_used_at = @at WHERE id = @id", new { id = id.ToString(), at = D.Time(StoreTime.Normalize(lastUsedAt)) }, cancellationToken),
            cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<bool> DeleteAsync(Id<ApiKey> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_api_keys WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<IReadOnlyList<ApiKey>> ListByAppAsync(Id<App> appId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE app_id = @app_id ORDER BY id", new { app_id = appId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<ApiKey>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE user_id = @user_id ORDER BY id", new { user_id = userId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    private async ValueTask<ApiKey?> GetWhereAsync(string where, object args, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE {where}", args, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    private object Args(ApiKey k) => new
    {
        id = k.Id.ToString(),
        app_id = k.AppId.ToString(),
        env_id = k.EnvId?.ToString(),
        user_id = k.UserId?.ToString(),
        service_account_id = k.ServiceAccountId?.ToString(),
        name = k.Name,
        key_prefix = k.KeyPrefix,
        key_hash = k.KeyHash.Hex,
        public_key = k.PublicKey,
        scopes = D.Json(JsonColumn.List(k.Scopes)),
        expires_at = D.Time(k.ExpiresAt),
        last_used_at = D.Time(k.LastUsedAt),
        revoked = k.Revoked,
        created_at = D.Time(k.CreatedAt),
        updated_at = D.Time(k.UpdatedAt),
    };

    private static ApiKey Map(RowReader r) => new()
    {
        Id = r.Id<ApiKey>("id"),
        AppId = r.Id<App>("app_id"),
        EnvId = r.IdOrNull<AppEnvironment>("env_id"),
        UserId = r.IdOrNull<User>("user_id"),
        ServiceAccountId = r.IdOrNull<ServiceAccount>("service_account_id"),
        Name = r.Text("name"),
        KeyPrefix = r.Text("key_prefix"),
        KeyHash = r.Hash("key_hash"),
        PublicKey = r.TextOrNull("public_key"),
        Scopes = r.Strings("scopes"),
        ExpiresAt = r.TimeOrNull("expires_at"),
        LastUsedAt = r.TimeOrNull("last_used_at"),
        Revoked = r.Bool("revoked"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
