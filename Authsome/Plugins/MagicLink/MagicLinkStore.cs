using Authsome.Store.Plugins;

namespace Authsome.Plugins.MagicLink;

/// <summary>The magic-link plugin's sub-store: the table (collection on MongoDB) <c>authsome_magic_links</c> of the <c>authsome-magic-link</c> group.</summary>
public static class MagicLinkStore
{
    /// <summary>The declaration every shipped store builds <see cref="IMagicLinkStore"/> from.</summary>
    public static PluginStoreDefinition<IMagicLinkStore> Definition { get; } = new(MagicLinkPlugin.PluginName, MagicLinkMigrations.Group)
    {
        Relational = context => new RelationalMagicLinkStore(context),
        Mongo = context => new MongoMagicLinkStore(context),
        Memory = context => new MemoryMagicLinkStore(context),
    };
}
