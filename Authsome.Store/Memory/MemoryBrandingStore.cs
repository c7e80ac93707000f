namespace Authsome.Store.Memory;

internal sealed class MemoryBrandingStore(MemoryState state) : IBrandingStore
{
    private MemoryTable<BrandingConfig> Branding => state.Branding;

    public ValueTask<BrandingConfig?> GetAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        state.Run(() => Branding.Find(state.BrandingByOrganization, orgId), cancellationToken);

    public ValueTask<BrandingConfig> SaveAsync(BrandingConfig branding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(branding);
        return state.Run(
            () =>
            {
                if (Branding.Find(state.BrandingByOrganization, branding.OrgId) is { } stored)
                {
                    var replaced = branding with { Id = stored.Id, CreatedAt = stored.CreatedAt };
                    Branding.Replace(replaced);
                    return replaced;
                }

                Branding.Insert(branding);
                return branding;
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        state.Run(() => Branding.Find(state.BrandingByOrganization, orgId) is { } stored && Branding.Remove(stored.Id), cancellationToken);
}
