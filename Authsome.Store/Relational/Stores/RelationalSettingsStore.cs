namespace Authsome.Store.Relational;

internal sealed class RelationalSettingsStore(RelationalDatabase db) : ISettingsStore
{
    private const string Entity = "setting";

    private const string Columns = "id, key, scope, scope_id, value, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_settings";

    // Unique per (key, scope, scope id): setting again replaces the value but keeps the stored id and creation time.
    private const string Upsert =
        $"""
        INSERT INTO authsome_settings ({Columns})
        VALUES (@id, @key, @scope, @scope_id, @value, @created_at, @updated_at)
        ON CONFLICT (key, scope, scope_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        RETURNING {Columns}
        """;

    private RelationalDialect D => db.Dialect;

    public async ValueTask<Setting?> GetAsync(string key, SettingScope scope, string scopeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(scopeId);
        return await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"{Select} WHERE key = @key AND scope = @scope AND scope_id = @scope_id", new { key, scope = EnumText.Of(scope), scope_id = scopeId }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Setting> SetAsync(Setting setting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var args = new
        {
            id = setting.Id.ToString(),
            key = setting.Key,
            scope = EnumText.Of(setting.Scope),
            scope_id = setting.ScopeId,
            value = setting.Value,
            created_at = D.Time(setting.CreatedAt),
            updated_at = D.Time(setting.UpdatedAt),
        };
        var stored = await db.WriteAsync(Entity, s => s.QueryFirstAsync(Upsert, args, Map, cancellationToken), cancellationToken).ConfigureAwait(false);
        return stored ?? throw new StoreException("The setting upsert returned no row.");
    }

    public async ValueTask<bool> DeleteAsync(string key, SettingScope scope, string scopeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(scopeId);
        return await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync("DELETE FROM authsome_settings WHERE key = @key AND scope = @scope AND scope_id = @scope_id", new { key, scope = EnumText.Of(scope), scope_id = scopeId }, cancellationToken),
            cancellationToken).ConfigureAwait(false) > 0;
    }

    public async ValueTask<IReadOnlyList<Setting>> ListAsync(SettingScope scope, string scopeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopeId);
        return await db.ReadAsync(
            Entity,
            s => s.QueryAsync($"{Select} WHERE scope = @scope AND scope_id = @scope_id ORDER BY key", new { scope = EnumText.Of(scope), scope_id = scopeId }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    private static Setting Map(RowReader r) => new()
    {
        Id = r.Id<Setting>("id"),
        Key = r.Text("key"),
        Scope = r.Enum<SettingScope>("scope"),
        ScopeId = r.Text("scope_id"),
        Value = r.Text("value"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
