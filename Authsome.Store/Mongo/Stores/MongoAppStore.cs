using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Apps in <c>authsome_apps</c>. Deleting an app removes everything that belongs to it (see <see cref="MongoCascades"/>).</summary>
internal sealed class MongoAppStore(MongoContext context, MongoCascades cascades) : IAppStore
{
    private const string Entity = "app";
    private readonly IMongoCollection<BsonDocument> _apps = context.Collection(MongoCollections.Apps);

    public ValueTask CreateAsync(App app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        return MongoCall.RunAsync(Entity, () => _apps.InsertOneAsync(AppDocument.ToBson(app), cancellationToken: cancellationToken));
    }

    public ValueTask<App?> GetAsync(Id<App> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _apps.FindOneAsync(IdIs(id), AppDocument.FromBson, cancellationToken));

    public ValueTask<App?> GetBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return MongoCall.RunAsync(Entity, () => _apps.FindOneAsync(Filter.Eq(Field.Slug, slug), AppDocument.FromBson, cancellationToken));
    }

    public ValueTask<App?> GetByPublishableKeyAsync(string publishableKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publishableKey);
        return MongoCall.RunAsync(Entity, () => _apps.FindOneAsync(Filter.Eq(Field.PublishableKey, publishableKey), AppDocument.FromBson, cancellationToken));
    }

    public ValueTask<App?> GetPlatformAsync(CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _apps.FindOneAsync(Filter.Eq(Field.IsPlatform, true), AppDocument.FromBson, cancellationToken));

    public ValueTask UpdateAsync(App app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _apps.UpdateOneAsync(IdIs(app.Id), SetAllExcept(AppDocument.ToBson(app), Field.CreatedAt), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    public ValueTask<bool> DeleteAsync(Id<App> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => cascades.DeleteAppAsync(id, cancellationToken));

    public ValueTask<Page<App>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _apps.PageAsync(Filter.Empty, page, AppDocument.FromBson, a => a.Id, cancellationToken));
}
