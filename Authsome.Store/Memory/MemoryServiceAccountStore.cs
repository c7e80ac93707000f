namespace Authsome.Store.Memory;

internal sealed class MemoryServiceAccountStore(MemoryState state) : IServiceAccountStore
{
    private const string RoleEntity = "service account role";

    private MemoryTable<ServiceAccount> Accounts => state.ServiceAccounts;

    public ValueTask CreateAsync(ServiceAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return state.Run(() => Accounts.Insert(account), cancellationToken);
    }

    public ValueTask<ServiceAccount?> GetAsync(Id<ServiceAccount> id, CancellationToken cancellationToken) =>
        state.Run(() => Accounts.Get(id), cancellationToken);

    public ValueTask UpdateAsync(ServiceAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return state.Run(
            () =>
            {
                var stored = Accounts.Get(account.Id) ?? throw new StoreNotFoundException(Accounts.Entity);
                Accounts.Replace(account with { CreatedAt = stored.CreatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<ServiceAccount> id, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                state.RemoveServiceAccountRoles(k => k.Account == id);
                return Accounts.Remove(id);
            },
            cancellationToken);

    public ValueTask AssignRoleAsync(Id<ServiceAccount> id, Id<Role> roleId, DateTimeOffset at, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                if (Accounts.Get(id) is null || state.Roles.Get(roleId) is null)
                {
                    throw new StoreConflictException(ConflictKind.MissingReference, RoleEntity);
                }

                if (state.ServiceAccountRoles.ContainsKey((id, roleId)))
                {
                    throw new StoreConflictException(ConflictKind.Duplicate, RoleEntity);
                }

                state.Journal.Set(state.ServiceAccountRoles, (id, roleId), StoreTime.Normalize(at));
            },
            cancellationToken);

    public ValueTask<bool> UnassignRoleAsync(Id<ServiceAccount> id, Id<Role> roleId, CancellationToken cancellationToken) =>
        state.Run(() => state.Journal.Remove(state.ServiceAccountRoles, (id, roleId)), cancellationToken);

    public ValueTask<IReadOnlyList<Id<Role>>> ListRolesAsync(Id<ServiceAccount> id, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Id<Role>>>(
            () => [.. state.ServiceAccountRoles.Where(p => p.Key.Account == id).OrderBy(p => p.Value).ThenBy(p => p.Key.Role).Select(p => p.Key.Role)],
            cancellationToken);

    public ValueTask<Page<ServiceAccount>> ListAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        state.Run(() => Accounts.Page(a => a.AppId == appId, page), cancellationToken);
}
