using Authsome.Store.Plugins;

namespace Authsome.Plugins.Passkeys.Store;

/// <summary>The passkey plugin's sub-store: the tables (collections on MongoDB) of the <c>authsome-passkey</c> group.</summary>
public static class PasskeyStore
{
    /// <summary>The declaration every shipped store builds <see cref="IPasskeyStore"/> from.</summary>
    public static PluginStoreDefinition<IPasskeyStore> Definition { get; } = new(PasskeyPlugin.PluginName, PasskeyMigrations.Group)
    {
        Relational = context => new RelationalPasskeyStore(context),
        Mongo = context => new MongoPasskeyStore(context),
        Memory = context => new MemoryPasskeyStore(context),
    };
}
