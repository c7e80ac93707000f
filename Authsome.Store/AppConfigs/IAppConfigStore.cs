namespace Authsome.Store;

/// <summary>
/// A per-app configuration record (<see cref="AppSessionConfig"/>, <see cref="AppClientConfig"/>): at most one
/// per app, read on hot paths, written rarely.
/// </summary>
public interface IAppConfigStore<TConfig>
    where TConfig : class
{
    /// <summary>The app's record, or null when it has none.</summary>
    ValueTask<TConfig?> GetAsync(Id<App> appId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the app's record. When one exists, its id and creation time are kept; returns what is stored.</summary>
    ValueTask<TConfig> SetAsync(TConfig config, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<App> appId, CancellationToken cancellationToken);
}
