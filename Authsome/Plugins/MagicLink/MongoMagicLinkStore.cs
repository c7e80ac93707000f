using Authsome.Plugins.Federation;
using Authsome.Store;
using Authsome.Store.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Plugins.MagicLink;

/// <summary>Magic links in the <c>authsome_magic_links</c> collection of the store's MongoDB database.</summary>
internal sealed class MongoMagicLinkStore(MongoPluginContext context) : IMagicLinkStore
{
    private const string Entity = "magic link";

    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    private readonly IMongoCollection<BsonDocument> _links = context.Collection(MagicLinkMigrations.Table);

    public async ValueTask CreateAsync(MagicLinkToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await context.RunAsync(Entity, () => _links.InsertOneAsync(new BsonDocument
        {
            ["_id"] = token.Id.ToString(),
            ["app_id"] = token.AppId.ToString(),
            ["email"] = token.Email,
            ["token_hash"] = token.TokenHash.Hex,
            ["redirect_uri"] = PluginBson.Text(token.RedirectUri),
            ["expires_at"] = PluginBson.Date(token.ExpiresAt),
            ["consumed_at"] = BsonNull.Value,
            ["created_at"] = PluginBson.Date(token.CreatedAt),
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async ValueTask<MagicLinkToken?> ConsumeAsync(Id<App> appId, SecretHash tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = StoreTime.Normalize(now);
        var document = await context.RunAsync(Entity, () => _links.FindOneAndUpdateAsync(
            Filter.Eq("token_hash", tokenHash.Hex) & Filter.Eq("app_id", appId.ToString()) & Filter.Eq("consumed_at", BsonNull.Value) & Filter.Gt("expires_at", PluginBson.Date(at)),
            Builders<BsonDocument>.Update.Set("consumed_at", PluginBson.Date(at)),
            new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After },
            cancellationToken)).ConfigureAwait(false);
        return document is null ? null : Map(document);
    }

    public async ValueTask<int> CountSentSinceAsync(Id<App> appId, string email, DateTimeOffset since, CancellationToken cancellationToken) =>
        (int)await context.RunAsync(Entity, () => _links.CountDocumentsAsync(
            Filter.Eq("app_id", appId.ToString()) & Filter.Eq("email", email) & Filter.Gte("created_at", PluginBson.Date(StoreTime.Normalize(since))),
            cancellationToken: cancellationToken)).ConfigureAwait(false);

    public async ValueTask<int> PurgeAsync(DateTimeOffset expiredBy, CancellationToken cancellationToken) =>
        (int)(await context.RunAsync(Entity, () => _links.DeleteManyAsync(Filter.Lte("expires_at", PluginBson.Date(StoreTime.Normalize(expiredBy))), cancellationToken)).ConfigureAwait(false)).DeletedCount;

    private static MagicLinkToken Map(BsonDocument d) => new()
    {
        Id = Id<MagicLinkToken>.Parse(d["_id"].AsString),
        AppId = Id<App>.Parse(d["app_id"].AsString),
        Email = d["email"].AsString,
        TokenHash = SecretHash.FromHex(d["token_hash"].AsString),
        RedirectUri = d.ReadOptionalText("redirect_uri"),
        ExpiresAt = d.ReadDate("expires_at"),
        ConsumedAt = d.ReadOptionalDate("consumed_at"),
        CreatedAt = d.ReadDate("created_at"),
    };
}
