using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>A per-app configuration record (session or client config), at most one per app, in its own collection.</summary>
internal sealed class MongoAppConfigStore<TConfig>(
    MongoContext context,
    string collection,
    string entity,
    Func<TConfig, Id<App>> appIdOf,
    Func<TConfig, BsonDocument> toBson,
    Func<BsonDocument, TConfig> fromBson) : IAppConfigStore<TConfig>
    where TConfig : class
{
    private readonly IMongoCollection<BsonDocument> _configs = context.Collection(collection);

    public ValueTask<TConfig?> GetAsync(Id<App> appId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(entity, () => _configs.FindOneAsync(FieldIs(Field.AppId, appId), fromBson, cancellationToken));

    public ValueTask<TConfig> SetAsync(TConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        return MongoCall.RunAsync(entity, () => _configs.UpsertAsync(FieldIs(Field.AppId, appIdOf(config)), toBson(config), fromBson, cancellationToken));
    }

    public ValueTask<bool> DeleteAsync(Id<App> appId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(entity, async () => (await _configs.DeleteOneAsync(FieldIs(Field.AppId, appId), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);
}
