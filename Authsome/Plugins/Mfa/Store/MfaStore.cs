using Authsome.Store.Plugins;

namespace Authsome.Plugins.Mfa.Store;

/// <summary>The MFA plugin's sub-store: the tables (collections on MongoDB) of the <c>authsome-mfa</c> group.</summary>
public static class MfaStore
{
    /// <summary>The declaration every shipped store builds <see cref="IMfaStore"/> from.</summary>
    public static PluginStoreDefinition<IMfaStore> Definition { get; } = new(MfaPlugin.PluginName, MfaMigrations.Group)
    {
        Relational = context => new RelationalMfaStore(context),
        Mongo = context => new MongoMfaStore(context),
        Memory = context => new MemoryMfaStore(context),
    };
}
