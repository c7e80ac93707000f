using Authsome.Store.Plugins;

namespace Authsome.Store.Testing.Plugins;

/// <summary>
/// Conformance of one plugin's sub-store as a store provides it: each test migrates the plugin's group on the
/// store it is given and resolves the sub-store from the plugin's definition, as the engine does.
/// </summary>
/// <typeparam name="TStore">The plugin's sub-store interface.</typeparam>
public abstract class PluginStoreConformanceTests<TStore>(PluginStoreDefinition<TStore> definition) : StoreConformanceTests
    where TStore : class
{
    private TStore? _pluginStore;

    /// <summary>The plugin's sub-store on the store under test.</summary>
    protected TStore PluginStore => _pluginStore ?? throw new InvalidOperationException("The plugin's store is resolved in InitializeAsync.");

    /// <inheritdoc />
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.MigrateAsync([definition.MigrationGroup], Ct);
        _pluginStore = Store.GetPluginStore(definition);
    }
}
