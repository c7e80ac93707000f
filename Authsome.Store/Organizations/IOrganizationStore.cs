namespace Authsome.Store;

/// <summary>Organizations.</summary>
public interface IOrganizationStore
{
    /// <summary>Stores a new organization. Throws <see cref="StoreConflictException"/>: SlugTaken (within the app) or Duplicate.</summary>
    ValueTask CreateAsync(Organization organization, CancellationToken cancellationToken);

    ValueTask<Organization?> GetAsync(Id<Organization> id, CancellationToken cancellationToken);

    ValueTask<Organization?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken);

    /// <summary>Replaces an organization's fields. Throws <see cref="StoreNotFoundException"/> or <see cref="StoreConflictException"/> as create.</summary>
    ValueTask UpdateAsync(Organization organization, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an organization and, atomically, its members, invitations, teams, branding, settings, custom roles (with their
    /// permissions and assignments), role assignments made within it, and plugin rows declared to go with its teams;
    /// false when there was none. A failure part-way leaves everything in place.
    /// </summary>
    ValueTask<bool> DeleteAsync(Id<Organization> id, CancellationToken cancellationToken);

    /// <summary>An app's organizations, in id order.</summary>
    ValueTask<Page<Organization>> ListAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The organizations a user is a member of, in id order.</summary>
    ValueTask<IReadOnlyList<Organization>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken);
}
