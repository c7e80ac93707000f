using Authsome.Plugins.Federation;
using Authsome.Store;
using Authsome.Store.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Plugins.Jwt;

/// <summary>Signing keys in the <c>authsome_signing_keys</c> collection of the store's MongoDB database.</summary>
internal sealed class MongoSigningKeyStore(MongoPluginContext context) : ISigningKeyStore
{
    private const string Entity = "signing key";

    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    private readonly IMongoCollection<BsonDocument> _keys = context.Collection(JwtMigrations.Table);

    public async ValueTask CreateAsync(SigningKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await context.RunAsync(Entity, () => _keys.InsertOneAsync(new BsonDocument
        {
            ["_id"] = key.Id.ToString(),
            ["app_id"] = key.AppId.ToString(),
            ["algorithm"] = key.Algorithm,
            ["public_jwk"] = key.PublicJwk,
            ["protected_private_key"] = key.ProtectedPrivateKey,
            ["activates_at"] = PluginBson.Date(key.ActivatesAt),
            ["retires_at"] = PluginBson.Date(key.RetiresAt),
            ["expires_at"] = PluginBson.Date(key.ExpiresAt),
            ["created_at"] = PluginBson.Date(key.CreatedAt),
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<SigningKey>> ListAsync(Id<App> appId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var documents = await context.RunAsync(Entity, () => _keys
            .Find(Filter.Eq("app_id", appId.ToString()) & Filter.Gt("expires_at", PluginBson.Date(StoreTime.Normalize(now))))
            .Sort(Builders<BsonDocument>.Sort.Ascending("activates_at").Ascending("_id"))
            .ToListAsync(cancellationToken)).ConfigureAwait(false);
        return [.. documents.Select(Map)];
    }

    public async ValueTask<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (int)(await context.RunAsync(Entity, () => _keys.DeleteManyAsync(Filter.Lte("expires_at", PluginBson.Date(StoreTime.Normalize(now))), cancellationToken)).ConfigureAwait(false)).DeletedCount;

    private static SigningKey Map(BsonDocument d) => new()
    {
        Id = Id<SigningKey>.Parse(d["_id"].AsString),
        AppId = Id<App>.Parse(d["app_id"].AsString),
        Algorithm = d["algorithm"].AsString,
        PublicJwk = d["public_jwk"].AsString,
        ProtectedPrivateKey = d["protected_private_key"].AsString,
        ActivatesAt = d.ReadDate("activates_at"),
        RetiresAt = d.ReadDate("retires_at"),
        ExpiresAt = d.ReadDate("expires_at"),
        CreatedAt = d.ReadDate("created_at"),
    };
}
