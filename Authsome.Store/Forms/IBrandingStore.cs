namespace Authsome.Store;

/// <summary>Organizations' branding.</summary>
public interface IBrandingStore
{
    ValueTask<BrandingConfig?> GetAsync(Id<Organization> orgId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the organization's branding. When one exists, its id and creation time are kept; returns what is stored.</summary>
    ValueTask<BrandingConfig> SaveAsync(BrandingConfig branding, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<Organization> orgId, CancellationToken cancellationToken);
}
