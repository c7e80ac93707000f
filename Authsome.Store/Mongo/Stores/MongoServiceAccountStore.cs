using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Service accounts in <c>authsome_service_accounts</c>.</summary>
internal sealed class MongoServiceAccountStore(MongoContext context) : IServiceAccountStore
{
    private const string Entity = "service account";
    private readonly IMongoCollection<BsonDocument> _accounts = context.Collection(MongoCollections.ServiceAccounts);

    public ValueTask CreateAsync(ServiceAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return MongoCall.RunAsync(Entity, () => _accounts.InsertOneAsync(ServiceAccountDocument.ToBson(account), cancellationToken: cancellationToken));
    }

    public ValueTask<ServiceAccount?> GetAsync(Id<ServiceAccount> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _accounts.FindOneAsync(IdIs(id), ServiceAccountDocument.FromBson, cancellationToken));

    public ValueTask UpdateAsync(ServiceAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var update = SetAllExcept(ServiceAccountDocument.ToBson(account), Field.CreatedAt);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _accounts.UpdateOneAsync(IdIs(account.Id), update, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    public ValueTask<bool> DeleteAsync(Id<ServiceAccount> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () => (await _accounts.DeleteOneAsync(IdIs(id), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);

    public ValueTask<Page<ServiceAccount>> ListAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _accounts.PageAsync(FieldIs(Field.AppId, appId), page, ServiceAccountDocument.FromBson, a => a.Id, cancellationToken));
}
