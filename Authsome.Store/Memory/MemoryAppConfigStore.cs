namespace Authsome.Store.Memory;

/// <summary>
/// One record per app (<see cref="AppSessionConfig"/> or <see cref="AppClientConfig"/>). The two types share no
/// interface for their id and app, so the accessors are passed in.
/// </summary>
internal sealed class MemoryAppConfigStore<TConfig>(
    MemoryState state,
    MemoryTable<TConfig> configs,
    MemoryIndex<TConfig> byApp,
    Func<TConfig, Id<App>> appIdOf,
    Func<TConfig, TConfig, TConfig> keepIdentityOf) : IAppConfigStore<TConfig>
    where TConfig : class, IHasIdPrefix
{
    public ValueTask<TConfig?> GetAsync(Id<App> appId, CancellationToken cancellationToken) =>
        state.Run(() => configs.Find(byApp, appId), cancellationToken);

    public ValueTask<TConfig> SetAsync(TConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        return state.Run(
            () =>
            {
                if (configs.Find(byApp, appIdOf(config)) is { } stored)
                {
                    var replaced = keepIdentityOf(config, stored);
                    configs.Replace(replaced);
                    return replaced;
                }

                configs.Insert(config);
                return config;
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<App> appId, CancellationToken cancellationToken) =>
        state.Run(() => configs.RemoveWhere(c => appIdOf(c) == appId).Count > 0, cancellationToken);
}
