namespace Authsome.Store;

/// <summary>Environments of apps.</summary>
public interface IEnvironmentStore
{
    /// <summary>
    /// Stores an environment. Throws <see cref="StoreConflictException"/>: SlugTaken, Duplicate, or DefaultEnvironment when
    /// it is marked default and the app already has a default.
    /// </summary>
    ValueTask CreateAsync(AppEnvironment environment, CancellationToken cancellationToken);

    ValueTask<AppEnvironment?> GetAsync(Id<AppEnvironment> id, CancellationToken cancellationToken);

    ValueTask<AppEnvironment?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken);

    ValueTask<AppEnvironment?> GetDefaultAsync(Id<App> appId, CancellationToken cancellationToken);

    /// <summary>Makes this environment the app's only default, atomically. Throws <see cref="StoreNotFoundException"/> when it is not an environment of the app.</summary>
    ValueTask SetDefaultAsync(Id<App> appId, Id<AppEnvironment> id, CancellationToken cancellationToken);

    /// <summary>Replaces an environment's fields except <see cref="AppEnvironment.IsDefault"/> (see <see cref="SetDefaultAsync"/>). Throws <see cref="StoreNotFoundException"/> or SlugTaken.</summary>
    ValueTask UpdateAsync(AppEnvironment environment, CancellationToken cancellationToken);

    /// <summary>Deletes an environment; throws <see cref="StoreConflictException"/> (DefaultEnvironment) for the default one. False when absent.</summary>
    ValueTask<bool> DeleteAsync(Id<AppEnvironment> id, CancellationToken cancellationToken);

    /// <summary>An app's environments, in id order.</summary>
    ValueTask<IReadOnlyList<AppEnvironment>> ListAsync(Id<App> appId, CancellationToken cancellationToken);
}
