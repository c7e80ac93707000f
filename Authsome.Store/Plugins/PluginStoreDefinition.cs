using Authsome.Store.Memory;
using Authsome.Store.Migrations;
using Authsome.Store.Mongo;
using Authsome.Store.Relational;

namespace Authsome.Store.Plugins;

/// <summary>
/// A plugin's own sub-store, declared once: the interface the plugin calls (<typeparamref name="TStore"/>), the
/// migration group that creates its tables or collections, and one factory per backend family. Each shipped store
/// calls the factory of its family once, with a context over its own connection, transaction and error path, and
/// keeps the result for its lifetime; a custom store implements <typeparamref name="TStore"/> itself. Resolve it
/// with <see cref="PluginStoreExtensions.GetPluginStore{TStore}"/> (the engine does, for
/// <c>AuthsomeBuilder.AddPluginStore</c>).
/// </summary>
/// <typeparam name="TStore">The plugin's sub-store interface.</typeparam>
/// <remarks>
/// Keep one instance per plugin (a <c>static readonly</c> field): stores cache the sub-store per definition instance.
/// A family left null means the plugin does not run on that family's stores; resolving it there fails with a
/// message naming the plugin.
/// </remarks>
public sealed class PluginStoreDefinition<TStore>
    where TStore : class
{
    /// <summary>Declares the sub-store of the plugin named <paramref name="pluginName"/>, whose tables <paramref name="migrationGroup"/> creates.</summary>
    public PluginStoreDefinition(string pluginName, MigrationGroup migrationGroup)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginName);
        ArgumentNullException.ThrowIfNull(migrationGroup);
        PluginName = pluginName;
        MigrationGroup = migrationGroup;
    }

    /// <summary>The plugin's name, used in every error about this sub-store.</summary>
    public string PluginName { get; }

    /// <summary>The migration group that creates the sub-store's tables (SQL) and collections (MongoDB); the plugin returns it as its own.</summary>
    public MigrationGroup MigrationGroup { get; }

    /// <summary>Builds the sub-store over a PostgreSQL or SQLite store (<see cref="RelationalPluginContext.Dialect"/> says which).</summary>
    public Func<RelationalPluginContext, TStore>? Relational { get; init; }

    /// <summary>Builds the sub-store over a MongoDB store.</summary>
    public Func<MongoPluginContext, TStore>? Mongo { get; init; }

    /// <summary>Builds the sub-store over an in-memory store.</summary>
    public Func<MemoryPluginContext, TStore>? Memory { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{typeof(TStore).Name} of the {PluginName} plugin";
}
