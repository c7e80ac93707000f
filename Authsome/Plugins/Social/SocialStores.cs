using Authsome.Store.Plugins;

namespace Authsome.Plugins.Social;

/// <summary>The social plugin's sub-stores, over the tables (collections on MongoDB) of the <c>authsome-social</c> group.</summary>
public static class SocialStores
{
    /// <summary>Linked accounts: <c>authsome_social_accounts</c>.</summary>
    public static PluginStoreDefinition<ISocialAccountStore> Accounts { get; } = new(SocialPlugin.PluginName, SocialMigrations.Group)
    {
        Relational = context => new RelationalSocialAccountStore(context),
        Mongo = context => new MongoSocialAccountStore(context),
        Memory = context => new MemorySocialAccountStore(context),
    };

    /// <summary>States and exchange codes: <c>authsome_social_grants</c>.</summary>
    public static PluginStoreDefinition<ISocialGrantStore> Grants { get; } = new(SocialPlugin.PluginName, SocialMigrations.Group)
    {
        Relational = context => new RelationalSocialGrantStore(context),
        Mongo = context => new MongoSocialGrantStore(context),
        Memory = context => new MemorySocialGrantStore(context),
    };

    /// <summary>How a grant kind is written in every backend.</summary>
    internal static string KindText(SocialGrantKind kind) => kind == SocialGrantKind.State ? "state" : "exchange_code";

    internal static SocialGrantKind ParseKind(string text) => text == "state" ? SocialGrantKind.State : SocialGrantKind.ExchangeCode;
}
