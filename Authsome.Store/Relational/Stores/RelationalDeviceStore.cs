namespace Authsome.Store.Relational;

internal sealed class RelationalDeviceStore(RelationalDatabase db) : IDeviceStore
{
    private const string Entity = "device";

    private const string Columns = "id, app_id, user_id, name, type, browser, os, ip_address, fingerprint, trusted, trusted_at, last_seen_at, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_devices";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(Device device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"INSERT INTO authsome_devices ({Columns}) VALUES (@id, @app_id, @user_id, @name, @type, @browser, @os, @ip_address, @fingerprint, @trusted, @trusted_at, @last_seen_at, @created_at, @updated_at)",
                Args(device),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Device?> GetAsync(Id<Device> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Device> RecordSightingAsync(Device seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var stored = await db.WriteAsync(
            Entity,
            s => s.QueryFirstAsync(
                $"""
                INSERT INTO authsome_devices ({Columns}) VALUES (@id, @app_id, @user_id, @name, @type, @browser, @os, @ip_address, @fingerprint, @trusted, @trusted_at, @last_seen_at, @created_at, @updated_at)
                ON CONFLICT (user_id, fingerprint) DO UPDATE SET
                    ip_address = excluded.ip_address, last_seen_at = excluded.last_seen_at, updated_at = excluded.updated_at
                RETURNING {Columns}
                """,
                Args(seen),
                Map,
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return stored!;
    }

    public async ValueTask<Device?> GetByFingerprintAsync(Id<User> userId, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"{Select} WHERE user_id = @user_id AND fingerprint = @fingerprint", new { user_id = userId.ToString(), fingerprint }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask UpdateAsync(Device device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var changed = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                """
                UPDATE authsome_devices SET name = @name, type = @type, browser = @browser, os = @os, ip_address = @ip_address,
                    fingerprint = @fingerprint, trusted = @trusted, trusted_at = @trusted_at, last_seen_at = @last_seen_at, updated_at = @updated_at
                WHERE id = @id
                """,
                Args(device),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask<bool> DeleteAsync(Id<Device> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_devices WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<IReadOnlyList<Device>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE user_id = @user_id ORDER BY id", new { user_id = userId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Page<Device>> ListByAppAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        await Paging.ListAsync(db, Entity, "authsome_devices", Columns, "app_id = @app_id", new { app_id = appId.ToString() }, page, page.After<Device>()?.ToString(), Map, d => d.Id.ToString(), cancellationToken).ConfigureAwait(false);

    private object Args(Device d) => new
    {
        id = d.Id.ToString(),
        app_id = d.AppId.ToString(),
        user_id = d.UserId.ToString(),
        name = d.Name,
        type = d.Type,
        browser = d.Browser,
        os = d.Os,
        ip_address = d.IpAddress,
        fingerprint = d.Fingerprint,
        trusted = d.Trusted,
        trusted_at = D.Time(d.TrustedAt),
        last_seen_at = D.Time(d.LastSeenAt),
        created_at = D.Time(d.CreatedAt),
        updated_at = D.Time(d.UpdatedAt),
    };

    private static Device Map(RowReader r) => new()
    {
        Id = r.Id<Device>("id"),
        AppId = r.Id<App>("app_id"),
        UserId = r.Id<User>("user_id"),
        Name = r.TextOrNull("name"),
        Type = r.TextOrNull("type"),
        Browser = r.TextOrNull("browser"),
        Os = r.TextOrNull("os"),
        IpAddress = r.TextOrNull("ip_address"),
        Fingerprint = r.Text("fingerprint"),
        Trusted = r.Bool("trusted"),
        TrustedAt = r.TimeOrNull("trusted_at"),
        LastSeenAt = r.Time("last_seen_at"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
