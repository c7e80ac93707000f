namespace Authsome.Store.Plugins;

/// <summary>
/// A store that builds plugins' sub-stores from their <see cref="PluginStoreDefinition{TStore}"/> over its own
/// database. Every shipped store is one. A custom store either implements each plugin's sub-store interface itself or
/// implements this (for example, to hand the request on to a shipped store it wraps).
/// </summary>
public interface IPluginStoreHost
{
    /// <summary>
    /// The sub-store <paramref name="definition"/> declares, built once per store and definition. Throws
    /// <see cref="InvalidOperationException"/>, naming the plugin, when the definition has no factory for this store.
    /// </summary>
    TStore GetPluginStore<TStore>(PluginStoreDefinition<TStore> definition)
        where TStore : class;
}
