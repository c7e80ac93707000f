using Authsome.Store.Plugins;

namespace Authsome.Plugins.Jwt;

/// <summary>The JWT plugin's sub-store: the table (collection on MongoDB) <c>authsome_signing_keys</c> of the <c>authsome-jwt</c> group.</summary>
public static class SigningKeyStore
{
    /// <summary>The declaration every shipped store builds <see cref="ISigningKeyStore"/> from.</summary>
    public static PluginStoreDefinition<ISigningKeyStore> Definition { get; } = new(JwtPlugin.PluginName, JwtMigrations.Group)
    {
        Relational = context => new RelationalSigningKeyStore(context),
        Mongo = context => new MongoSigningKeyStore(context),
        Memory = context => new MemorySigningKeyStore(context),
    };
}
