namespace Authsome.Store.Plugins;

/// <summary>Resolves a plugin's sub-store from any <see cref="IAuthsomeStore"/>.</summary>
public static class PluginStoreExtensions
{
    /// <summary>
    /// The plugin's sub-store on this store: the store itself when it implements <typeparamref name="TStore"/> (a custom
    /// store), else what the store builds from <paramref name="definition"/> (<see cref="IPluginStoreHost"/>, every
    /// shipped store). Throws <see cref="InvalidOperationException"/> naming the plugin and the missing interface otherwise.
    /// </summary>
    public static TStore GetPluginStore<TStore>(this IAuthsomeStore store, PluginStoreDefinition<TStore> definition)
        where TStore : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(definition);
        return store switch
        {
            TStore own => own,
            IPluginStoreHost host => host.GetPluginStore(definition),
            _ => throw new InvalidOperationException(
                $"The {definition.PluginName} plugin keeps its data in the store, but {store.GetType().Name} does not implement {typeof(TStore).FullName} " +
                $"(nor {nameof(IPluginStoreHost)}). Implement that interface on the store (see docs/custom-store.md), or leave the {definition.PluginName} plugin out."),
        };
    }
}
