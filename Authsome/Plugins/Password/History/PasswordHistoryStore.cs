using Authsome.Store.Plugins;

namespace Authsome.Plugins.Password.History;

/// <summary>The password history's sub-store: the table (collection on MongoDB) <c>authsome_password_history</c> of the <c>authsome-password</c> group.</summary>
public static class PasswordHistoryStore
{
    /// <summary>The declaration every shipped store builds <see cref="IPasswordHistoryStore"/> from.</summary>
    public static PluginStoreDefinition<IPasswordHistoryStore> Definition { get; } = new(PasswordPlugin.PluginName, PasswordMigrations.Group)
    {
        Relational = context => new RelationalPasswordHistoryStore(context),
        Mongo = context => new MongoPasswordHistoryStore(context),
        Memory = context => new MemoryPasswordHistoryStore(context),
    };
}
