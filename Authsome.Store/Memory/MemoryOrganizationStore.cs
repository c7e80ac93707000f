namespace Authsome.Store.Memory;

internal sealed class MemoryOrganizationStore(MemoryState state) : IOrganizationStore
{
    private MemoryTable<Organization> Organizations => state.Organizations;

    public ValueTask CreateAsync(Organization organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return state.Run(() => Organizations.Insert(organization), cancellationToken);
    }

    public ValueTask<Organization?> GetAsync(Id<Organization> id, CancellationToken cancellationToken) =>
        state.Run(() => Organizations.Get(id), cancellationToken);

    public ValueTask<Organization?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return state.Run(() => Organizations.Find(state.OrganizationsBySlug, (appId, slug)), cancellationToken);
    }

    public ValueTask UpdateAsync(Organization organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return state.Run(
            () =>
            {
                var stored = Organizations.Get(organization.Id) ?? throw new StoreNotFoundException(Organizations.Entity);
                Organizations.Replace(organization with { CreatedAt = stored.CreatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<Organization> id, CancellationToken cancellationToken) =>
        state.Run(() => state.RemoveOrganization(id), cancellationToken);

    public ValueTask<Page<Organization>> ListAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        state.Run(() => Organizations.Page(o => o.AppId == appId, page), cancellationToken);

    public ValueTask<IReadOnlyList<Organization>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Organization>>(
            () =>
            {
                var memberOf = state.Members.Rows.Where(m => m.UserId == userId).Select(m => m.OrgId).ToHashSet();
                return [.. Organizations.Where(o => memberOf.Contains(o.Id))];
            },
            cancellationToken);
}
