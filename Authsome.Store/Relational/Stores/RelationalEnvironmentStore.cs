namespace Authsome.Store.Relational;

internal sealed class RelationalEnvironmentStore(RelationalDatabase db) : IEnvironmentStore
{
    private const string Entity = "environment";

    private const string Columns = "id, app_id, name, slug, type, is_default, settings, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_environments";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(AppEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"INSERT INTO authsome_environments ({Columns}) VALUES (@id, @app_id, @name, @slug, @type, @is_default, @settings, @created_at, @updated_at)",
                Args(environment),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<AppEnvironment?> GetAsync(Id<AppEnvironment> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<AppEnvironment?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"{Select} WHERE app_id = @app_id AND slug = @slug", new { app_id = appId.ToString(), slug }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<AppEnvironment?> GetDefaultAsync(Id<App> appId, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"{Select} WHERE app_id = @app_id AND is_default = TRUE", new { app_id = appId.ToString() }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask SetDefaultAsync(Id<App> appId, Id<AppEnvironment> id, CancellationToken cancellationToken)
    {
        var args = new { app_id = appId.ToString(), id = id.ToString() };
        var found = await db.TransactAsync(
            Entity,
            async s =>
            {
                // Locking the app row queues concurrent default changes of one app, so each sees the previous
                // one's result and the one-default index never sees two.
                await s.ExecuteAsync($"SELECT id FROM authsome_apps WHERE id = @app_id{D.ForUpdate}", args, cancellationToken).ConfigureAwait(false);
                if (await s.ScalarAsync<string>("SELECT id FROM authsome_environments WHERE id = @id AND app_id = @app_id", args, cancellationToken).ConfigureAwait(false) is null)
                {
                    return false;
                }

                await s.ExecuteAsync("UPDATE authsome_environments SET is_default = FALSE WHERE app_id = @app_id AND is_default = TRUE AND id <> @id", args, cancellationToken).ConfigureAwait(false);
                await s.ExecuteAsync("UPDATE authsome_environments SET is_default = TRUE WHERE id = @id", args, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        if (!found)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask UpdateAsync(AppEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var changed = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                "UPDATE authsome_environments SET name = @name, slug = @slug, type = @type, settings = @settings, updated_at = @updated_at WHERE id = @id",
                Args(environment),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask<bool> DeleteAsync(Id<AppEnvironment> id, CancellationToken cancellationToken)
    {
        var args = new { id = id.ToString() };
        var deleted = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync("DELETE FROM authsome_environments WHERE id = @id AND is_default = FALSE", args, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            return true;
        }

        // Nothing deleted: either there is no such environment, or it is the default, which must stay.
        var remaining = await db.ReadAsync(Entity, s => s.ScalarAsync<string>("SELECT id FROM authsome_environments WHERE id = @id", args, cancellationToken), cancellationToken).ConfigureAwait(false);
        return remaining is null ? false : throw new StoreConflictException(ConflictKind.DefaultEnvironment, Entity);
    }

    public async ValueTask<IReadOnlyList<AppEnvironment>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE app_id = @app_id ORDER BY id", new { app_id = appId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    private object Args(AppEnvironment e) => new
    {
        id = e.Id.ToString(),
        app_id = e.AppId.ToString(),
        name = e.Name,
        slug = e.Slug,
        type = EnumText.Of(e.Type),
        is_default = e.IsDefault,
        settings = D.Json(JsonColumn.Map(e.Settings)),
        created_at = D.Time(e.CreatedAt),
        updated_at = D.Time(e.UpdatedAt),
    };

    private static AppEnvironment Map(RowReader r) => new()
    {
        Id = r.Id<AppEnvironment>("id"),
        AppId = r.Id<App>("app_id"),
        Name = r.Text("name"),
        Slug = r.Text("slug"),
        Type = r.Enum<EnvironmentType>("type"),
        IsDefault = r.Bool("is_default"),
        Settings = r.Map("settings"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
