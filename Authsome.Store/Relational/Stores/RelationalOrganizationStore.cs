namespace Authsome.Store.Relational;

internal sealed class RelationalOrganizationStore(RelationalDatabase db) : IOrganizationStore
{
    private const string Entity = "organization";

    private const string Columns = "id, app_id, name, slug, logo, metadata, created_by, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_organizations";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(Organization organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                $"INSERT INTO authsome_organizations ({Columns}) VALUES (@id, @app_id, @name, @slug, @logo, @metadata, @created_by, @created_at, @updated_at)",
                Args(organization),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Organization?> GetAsync(Id<Organization> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Organization?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"{Select} WHERE app_id = @app_id AND slug = @slug", new { app_id = appId.ToString(), slug }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask UpdateAsync(Organization organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var changed = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                "UPDATE authsome_organizations SET name = @name, slug = @slug, logo = @logo, metadata = @metadata, created_by = @created_by, updated_at = @updated_at WHERE id = @id",
                Args(organization),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    // Members, invitations, teams, branding and role assignments within the organization go by ON DELETE CASCADE;
    // its settings are keyed by scope id, so they go explicitly in the same transaction.
    public async ValueTask<bool> DeleteAsync(Id<Organization> id, CancellationToken cancellationToken)
    {
        var args = new { id = id.ToString() };
        return await db.TransactAsync(
            Entity,
            async s =>
            {
                await s.ExecuteAsync("DELETE FROM authsome_settings WHERE scope = 'organization' AND scope_id = @id", args, cancellationToken).ConfigureAwait(false);
                return await s.ExecuteAsync("DELETE FROM authsome_organizations WHERE id = @id", args, cancellationToken).ConfigureAwait(false) > 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Page<Organization>> ListAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        await Paging.ListAsync(db, Entity, "authsome_organizations", Columns, "app_id = @app_id", new { app_id = appId.ToString() }, page, page.After<Organization>()?.ToString(), Map, o => o.Id.ToString(), cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Organization>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            Entity,
            s => s.QueryAsync(
                $"{Select} WHERE id IN (SELECT org_id FROM authsome_members WHERE user_id = @user_id) ORDER BY id",
                new { user_id = userId.ToString() },
                Map,
                cancellationToken),
            cancellationToken).ConfigureAwait(false);

    private object Args(Organization o) => new
    {
        id = o.Id.ToString(),
        app_id = o.AppId.ToString(),
        name = o.Name,
        slug = o.Slug,
        logo = o.Logo,
        metadata = D.Json(JsonColumn.Map(o.Metadata)),
        created_by = o.CreatedBy.ToString(),
        created_at = D.Time(o.CreatedAt),
        updated_at = D.Time(o.UpdatedAt),
    };

    private static Organization Map(RowReader r) => new()
    {
        Id = r.Id<Organization>("id"),
        AppId = r.Id<App>("app_id"),
        Name = r.Text("name"),
        Slug = r.Text("slug"),
        Logo = r.TextOrNull("logo"),
        Metadata = r.Map("metadata"),
        CreatedBy = r.Id<User>("created_by"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
