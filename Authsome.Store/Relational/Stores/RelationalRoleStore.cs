namespace Authsome.Store.Relational;

internal sealed class RelationalRoleStore(RelationalDatabase db) : IRoleStore
{
    private const string Entity = "role";

    private const string PermissionEntity = "permission";

    private const string Columns = "id, app_id, org_id, name, slug, description, parent_id, created_at, updated_at";

    private const string Select = $"SELECT {Columns} FROM authsome_roles";

    private const string PermissionColumns = "id, role_id, action, resource, created_at";

    private RelationalDialect D => db.Dialect;

    public async ValueTask CreateAsync(Role role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync($"INSERT INTO authsome_roles ({Columns}) VALUES (@id, @app_id, @org_id, @name, @slug, @description, @parent_id, @created_at, @updated_at)", Args(role), cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Role?> GetAsync(Id<Role> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryFirstAsync($"{Select} WHERE id = @id", new { id = id.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Role?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"{Select} WHERE app_id = @app_id AND org_id IS NULL AND slug = @slug", new { app_id = appId.ToString(), slug }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Role?> GetBySlugAsync(Id<Organization> orgId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync($"{Select} WHERE org_id = @org_id AND slug = @slug", new { org_id = orgId.ToString(), slug }, Map, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask UpdateAsync(Role role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        var changed = await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(
                "UPDATE authsome_roles SET name = @name, slug = @slug, description = @description, parent_id = @parent_id, updated_at = @updated_at WHERE id = @id",
                Args(role),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    // Permissions and assignments go by ON DELETE CASCADE; child roles' parent_id is SET NULL.
    public async ValueTask<bool> DeleteAsync(Id<Role> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(Entity, s => s.ExecuteAsync("DELETE FROM authsome_roles WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<IReadOnlyList<Role>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE app_id = @app_id ORDER BY id", new { app_id = appId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Role>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        await db.ReadAsync(Entity, s => s.QueryAsync($"{Select} WHERE org_id = @org_id ORDER BY id", new { org_id = orgId.ToString() }, Map, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask AddPermissionAsync(Permission permission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(permission);
        await db.WriteAsync(
            PermissionEntity,
            s => s.ExecuteAsync(
                $"INSERT INTO authsome_permissions ({PermissionColumns}) VALUES (@id, @role_id, @action, @resource, @created_at)",
                new
                {
                    id = permission.Id.ToString(),
                    role_id = permission.RoleId.ToString(),
                    action = permission.Action,
                    resource = permission.Resource,
                    created_at = D.Time(permission.CreatedAt),
                },
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> RemovePermissionAsync(Id<Permission> id, CancellationToken cancellationToken) =>
        await db.WriteAsync(PermissionEntity, s => s.ExecuteAsync("DELETE FROM authsome_permissions WHERE id = @id", new { id = id.ToString() }, cancellationToken), cancellationToken).ConfigureAwait(false) > 0;

    public async ValueTask<IReadOnlyList<Permission>> ListPermissionsAsync(Id<Role> roleId, CancellationToken cancellationToken) =>
        await db.ReadAsync(
            PermissionEntity,
            s => s.QueryAsync($"SELECT {PermissionColumns} FROM authsome_permissions WHERE role_id = @role_id ORDER BY id", new { role_id = roleId.ToString() }, MapPermission, cancellationToken),
            cancellationToken).ConfigureAwait(false);

    private object Args(Role r) => new
    {
        id = r.Id.ToString(),
        app_id = r.AppId.ToString(),
        org_id = r.OrgId?.ToString(),
        name = r.Name,
        slug = r.Slug,
        description = r.Description,
        parent_id = r.ParentId?.ToString(),
        created_at = D.Time(r.CreatedAt),
        updated_at = D.Time(r.UpdatedAt),
    };

    private static Role Map(RowReader r) => new()
    {
        Id = r.Id<Role>("id"),
        AppId = r.Id<App>("app_id"),
        OrgId = r.IdOrNull<Organization>("org_id"),
        Name = r.Text("name"),
        Slug = r.Text("slug"),
        Description = r.TextOrNull("description"),
        ParentId = r.IdOrNull<Role>("parent_id"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };

    private static Permission MapPermission(RowReader r) => new()
    {
        Id = r.Id<Permission>("id"),
        RoleId = r.Id<Role>("role_id"),
        Action = r.Text("action"),
        Resource = r.Text("resource"),
        CreatedAt = r.Time("created_at"),
    };
}
