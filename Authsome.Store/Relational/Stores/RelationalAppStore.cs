namespace Authsome.Store.Relational;

internal sealed class RelationalAppStore(RelationalDatabase db) : IAppStore
{
    private const string Entity = "app";

    private const string Columns = "id, name, slug, logo, publishable_key, is_platform, metadata, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_apps";

    // Everything an app owns is removed by ON DELETE CASCADE foreign keys; settings are keyed by scope id rather
    // than a foreign key, so the app's, its organizations' and its users' settings go explicitly, in the same transaction.
    private const string DeleteSettings =
        """
        DELETE FROM authsome_settings
        WHERE (scope = 'app' AND scope_id = @id)
           OR (scope = 'organization' AND scope_id IN (SELECT id FROM authsome_organizations WHERE app_id = @id))
           OR (scope = 'user' AND scope_id IN (SELECT id FROM authsome_users WHERE app_id = @id))
        """;

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(App app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"INSERT INTO authsome_apps ({Columns}) VALUES (@id, @name, @slug, @logo, @publishable_key, @is_platform, @metadata, @created_at, @updated_at)",
                Args(app),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<App?> GetAsync(Id<App> id, CancellationToken cancellationToken) => GetWhereAsync("id = @value", id.ToString(), cancellationToken);

    public ValueTask<App?> GetBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return GetWhereAsync("slug = @value", slug, cancellationToken);
    }

    public ValueTask<App?> GetByPublishableKeyAsync(string publishableKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publishableKey);
        return GetWhereAsync("publishable_key = @value", publishableKey, cancellationToken);
    }

    public ValueTask<App?> GetPlatformAsync(CancellationToken cancellationToken) => GetWhereAsync("is_platform = TRUE", null, cancellationToken);

    public async ValueTask UpdateAsync(App app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var changed = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                """
                UPDATE authsome_apps SET name = @name, slug = @slug, logo = @logo, publishable_key = @publishable_key,
                    is_platform = @is_platform, metadata = @metadata, updated_at = @updated_at
                WHERE id = @id
                """,
                Args(app),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask<bool> DeleteAsync(Id<App> id, CancellationToken cancellationToken)
    {
        var args = new { id = id.ToString() };
        return await db.TransactAsync(
            Entity,
            async s =>
            {
                await s.ExecuteAsync(DeleteSettings, args, cancellationToken).ConfigureAwait(false);
                return await s.ExecuteAsync("DELETE FROM authsome_apps WHERE id = @id", args, cancellationToken).ConfigureAwait(false) > 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Page<App>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        await Paging.ListAsync(db, Entity, "authsome_apps", Columns, "1 = 1", new { }, page, page.After<App>()?.ToString(), Map, a => a.Id.ToString(), cancellationToken).ConfigureAwait(false);

    private async ValueTask<App?> GetWhereAsync(string where, string? value, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE {where}", new { value }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    private object Args(App a) => new
    {
        id = a.Id.ToString(),
        name = a.Name,
        slug = a.Slug,
        logo = a.Logo,
        publishable_key = a.PublishableKey,
        is_platform = a.IsPlatform,
        metadata = D.Json(JsonColumn.Map(a.Metadata)),
        created_at = D.Time(a.CreatedAt),
        updated_at = D.Time(a.UpdatedAt),
    };

    private static App Map(RowReader r) => new()
    {
        Id = r.Id<App>("id"),
        Name = r.Text("name"),
        Slug = r.Text("slug"),
        Logo = r.TextOrNull("logo"),
        PublishableKey = r.Text("publishable_key"),
        IsPlatform = r.Bool("is_platform"),
        Metadata = r.Map("metadata"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
