namespace Authsome.Store;

/// <summary>Apps.</summary>
public interface IAppStore
{
    /// <summary>Stores a new app. Throws <see cref="StoreConflictException"/>: SlugTaken, PublishableKeyTaken, or Duplicate (id, or a second platform app).</summary>
    ValueTask CreateAsync(App app, CancellationToken cancellationToken);

    ValueTask<App?> GetAsync(Id<App> id, CancellationToken cancellationToken);

    ValueTask<App?> GetBySlugAsync(string slug, CancellationToken cancellationToken);

    ValueTask<App?> GetByPublishableKeyAsync(string publishableKey, CancellationToken cancellationToken);

    /// <summary>The platform app, or null before one is created.</summary>
    ValueTask<App?> GetPlatformAsync(CancellationToken cancellationToken);

    /// <summary>Replaces an app's fields. Throws <see cref="StoreNotFoundException"/> or <see cref="StoreConflictException"/> as create.</summary>
    ValueTask UpdateAsync(App app, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an app and, atomically, everything that belongs to it: environments, users, sessions and revoked
    /// refresh tokens, verifications, resets, organizations with their members, invitations, teams and branding,
    /// devices, webhooks, notifications, API keys, form configs, session and client configs, service accounts,
    /// roles with their permissions and assignments, and app-scoped settings. False when there was no app; a
    /// repeated call is harmless.
    /// </summary>
    ValueTask<bool> DeleteAsync(Id<App> id, CancellationToken cancellationToken);

    ValueTask<Page<App>> ListAsync(PageRequest page, CancellationToken cancellationToken);
}
