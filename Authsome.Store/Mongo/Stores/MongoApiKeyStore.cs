using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>API keys in <c>authsome_api_keys</c>: prefixes unique per app, key hashes and public keys unique.</summary>
internal sealed class MongoApiKeyStore(MongoContext context) : IApiKeyStore
{
    private const string Entity = "API key";
    private readonly IMongoCollection<BsonDocument> _keys = context.Collection(MongoCollections.ApiKeys);

    public ValueTask CreateAsync(ApiKey apiKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return MongoCall.RunAsync(Entity, () => _keys.InsertOneAsync(ApiKeyDocument.ToBson(apiKey), cancellationToken: cancellationToken));
    }

    public ValueTask<ApiKey?> GetAsync(Id<ApiKey> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _keys.FindOneAsync(IdIs(id), ApiKeyDocument.FromBson, cancellationToken));

    public ValueTask<ApiKey?> GetByPrefixAsync(Id<App> appId, string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        return MongoCall.RunAsync(Entity, () => _keys.FindOneAsync(FieldIs(Field.AppId, appId) & Filter.Eq(Field.KeyPrefix, keyPrefix), ApiKeyDocument.FromBson, cancellationToken));
    }

    public ValueTask<ApiKey?> GetByKeyHashAsync(SecretHash keyHash, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _keys.FindOneAsync(Filter.Eq(Field.KeyHash, keyHash.Hex), ApiKeyDocument.FromBson, cancellationToken));

    public ValueTask<ApiKey?> GetByPublicKeyAsync(string publicKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return MongoCall.RunAsync(Entity, () => _keys.FindOneAsync(Filter.Eq(Field.PublicKey, publicKey), ApiKeyDocument.FromBson, cancellationToken));
    }

    public ValueTask UpdateAsync(ApiKey apiKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        var update = SetAllExcept(ApiKeyDocument.ToBson(apiKey), Field.CreatedAt);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _keys.UpdateOneAsync(IdIs(apiKey.Id), update, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    public ValueTask<bool> TouchAsync(Id<ApiKey> id, DateTimeOffset lastUsedAt, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _keys.UpdateOneAsync(IdIs(id), Update.Set(Field.LastUsedAt, BsonWrite.Date(StoreTime.Normalize(lastUsedAt))), cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.MatchedCount > 0;
        });

    public ValueTask<bool> DeleteAsync(Id<ApiKey> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () => (await _keys.DeleteOneAsync(IdIs(id), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);

    public ValueTask<IReadOnlyList<ApiKey>> ListByAppAsync(Id<App> appId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _keys.ListAsync(FieldIs(Field.AppId, appId), ApiKeyDocument.FromBson, cancellationToken));

    public ValueTask<IReadOnlyList<ApiKey>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _keys.ListAsync(FieldIs(Field.UserId, userId), ApiKeyDocument.FromBson, cancellationToken));
}
