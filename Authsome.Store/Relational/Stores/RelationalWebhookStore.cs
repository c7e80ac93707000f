namespace Authsome.Store.Relational;

internal sealed partial class RelationalWebhookStore(RelationalDatabase db) : IWebhookStore
{
    private const string Entity = "webhook";

    private const string Columns = "id, app_id, env_id, url, events, secret, active, failing_since, created_by, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_webhooks";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync($"INSERT INTO authsome_webhooks ({Columns}) VALUES (@id, @app_id, @env_id, @url, @events, @secret, @active, @failing_since, @created_by, @created_at, @updated_at)", Args(webhook), cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Webhook?> GetAsync(Id<Webhook> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask UpdateAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var changed = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                "UPDATE authsome_webhooks SET env_id = @env_id, url = @url, events = @events, secret = @secret, active = @active, failing_since = @failing_since, created_by = @created_by, updated_at = @updated_at WHERE id = @id",
                Args(webhook),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    // The deliveries go with it (ON DELETE CASCADE).
    public async ValueTask<bool> DeleteAsync(Id<Webhook> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_webhooks WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<IReadOnlyList<Webhook>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE app_id = @app_id ORDER BY id", new { app_id = appId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    private object Args(Webhook w) => new
    {
        id = w.Id.ToString(),
        app_id = w.AppId.ToString(),
        env_id = w.EnvId?.ToString(),
        url = w.Url,
        events = D.Json(JsonColumn.List(w.Events)),
        secret = w.Secret,
        active = w.Active,
        failing_since = D.Time(w.FailingSince),
        created_by = w.CreatedBy?.ToString(),
        created_at = D.Time(w.CreatedAt),
        updated_at = D.Time(w.UpdatedAt),
    };

    private static Webhook Map(RowReader r) => new()
    {
        Id = r.Id<Webhook>("id"),
        AppId = r.Id<App>("app_id"),
        EnvId = r.IdOrNull<AppEnvironment>("env_id"),
        Url = r.Text("url"),
        Events = r.Strings("events"),
        Secret = r.Text("secret"),
        Active = r.Bool("active"),
        FailingSince = r.TimeOrNull("failing_since"),
        CreatedBy = r.IdOrNull<User>("created_by"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
