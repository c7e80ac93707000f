namespace Authsome.Store.Plugins;

/// <summary>The plugin sub-stores one shipped store has built, one per definition instance, each built once.</summary>
internal sealed class PluginStoreCache
{
    private readonly Dictionary<object, object> _stores = [];
    private readonly Lock _gate = new();

    /// <summary>The cached sub-store, or a new one from <paramref name="factory"/> over <paramref name="context"/>.</summary>
    /// <param name="definition">The plugin's declaration.</param>
    /// <param name="factory">The definition's factory for this store's family; null when it has none.</param>
    /// <param name="context">Creates the family's context (called only when a sub-store is built).</param>
    /// <param name="backend">The family's name for the error, e.g. "relational (PostgreSQL, SQLite)".</param>
    public TStore GetOrCreate<TStore, TContext>(PluginStoreDefinition<TStore> definition, Func<TContext, TStore>? factory, Func<TContext> context, string backend)
        where TStore : class
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_gate)
        {
            if (_stores.TryGetValue(definition, out var existing))
            {
                return (TStore)existing;
            }

            if (factory is null)
            {
                throw new InvalidOperationException(
                    $"The {definition.PluginName} plugin has no {backend} implementation of {typeof(TStore).FullName}, so it cannot run on this store.");
            }

            var store = factory(context()) ?? throw new InvalidOperationException($"The {definition.PluginName} plugin's {backend} factory returned null.");
            _stores.Add(definition, store);
            return store;
        }
    }
}
