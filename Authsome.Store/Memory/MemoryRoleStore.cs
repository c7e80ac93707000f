namespace Authsome.Store.Memory;

internal sealed class MemoryRoleStore(MemoryState state) : IRoleStore
{
    private MemoryTable<Role> Roles => state.Roles;

    public ValueTask CreateAsync(Role role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        return state.Run(() => Roles.Insert(role), cancellationToken);
    }

    public ValueTask<Role?> GetAsync(Id<Role> id, CancellationToken cancellationToken) =>
        state.Run(() => Roles.Get(id), cancellationToken);

    public ValueTask<Role?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return state.Run(() => Roles.Find(state.RolesBySlug, (appId, (Id<Organization>?)null, slug)), cancellationToken);
    }

    public ValueTask<Role?> GetBySlugAsync(Id<Organization> orgId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return state.Run(() => Roles.Rows.FirstOrDefault(r => r.OrgId == orgId && r.Slug == slug), cancellationToken);
    }

    public ValueTask UpdateAsync(Role role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        return state.Run(
            () =>
            {
                var stored = Roles.Get(role.Id) ?? throw new StoreNotFoundException(Roles.Entity);
                Roles.Replace(role with { AppId = stored.AppId, OrgId = stored.OrgId, CreatedAt = stored.CreatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<Role> id, CancellationToken cancellationToken) =>
        state.Run(() => state.RemoveRole(id), cancellationToken);

    public ValueTask<IReadOnlyList<Role>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Role>>(() => [.. Roles.Where(r => r.AppId == appId)], cancellationToken);

    public ValueTask<IReadOnlyList<Role>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Role>>(() => [.. Roles.Where(r => r.OrgId == orgId)], cancellationToken);

    public ValueTask AddPermissionAsync(Permission permission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return state.Run(() => state.Permissions.Insert(permission), cancellationToken);
    }

    public ValueTask<bool> RemovePermissionAsync(Id<Permission> id, CancellationToken cancellationToken) =>
        state.Run(() => state.Permissions.Remove(id), cancellationToken);

    public ValueTask<IReadOnlyList<Permission>> ListPermissionsAsync(Id<Role> roleId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Permission>>(() => [.. state.Permissions.Where(p => p.RoleId == roleId)], cancellationToken);
}
