using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Service accounts in <c>authsome_service_accounts</c>.</summary>
internal sealed class MongoServiceAccountStore(MongoContext context) : IServiceAccountStore
{
    private const string Entity = "service account";
    private const string RoleEntity = "service account role";
    private readonly IMongoCollection<BsonDocument> _accounts = context.Collection(MongoCollections.ServiceAccounts);
    private readonly IMongoCollection<BsonDocument> _roles = context.Collection(MongoCollections.ServiceAccountRoles);
    private readonly IMongoCollection<BsonDocument> _roleDefinitions = context.Collection(MongoCollections.Roles);

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

    // The assignments first: an interrupted delete leaves the account, and running it again finishes the job.
    public ValueTask<bool> DeleteAsync(Id<ServiceAccount> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            await _roles.DeleteManyAsync(FieldIs(Field.ServiceAccountId, id), cancellationToken).ConfigureAwait(false);
            return (await _accounts.DeleteOneAsync(IdIs(id), cancellationToken).ConfigureAwait(false)).DeletedCount > 0;
        });

    public ValueTask AssignRoleAsync(Id<ServiceAccount> id, Id<Role> roleId, DateTimeOffset at, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(RoleEntity, async () =>
        {
            // No foreign keys here: the account (whose app the assignment goes with) and the role must exist.
            var account = await _accounts.Find(IdIs(id)).Limit(1).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var role = await _roleDefinitions.Find(IdIs(roleId)).Project(Builders<BsonDocument>.Projection.Include(Field.Id)).Limit(1).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (account is null || role is null)
            {
                throw new StoreConflictException(ConflictKind.MissingReference, RoleEntity);
            }

            await _roles.InsertOneAsync(
                new BsonDocument
                {
                    { Field.Id, $"{id}:{roleId}" },
                    { Field.ServiceAccountId, id.ToString() },
                    { Field.RoleId, roleId.ToString() },
                    { Field.AppId, account[Field.AppId] },
                    { Field.CreatedAt, BsonWrite.Date(StoreTime.Normalize(at)) },
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        });

    public ValueTask<bool> UnassignRoleAsync(Id<ServiceAccount> id, Id<Role> roleId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(RoleEntity, async () => (await _roles.DeleteOneAsync(Filter.Eq(Field.Id, $"{id}:{roleId}"), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);

    public ValueTask<IReadOnlyList<Id<Role>>> ListRolesAsync(Id<ServiceAccount> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync<IReadOnlyList<Id<Role>>>(RoleEntity, async () =>
        {
            var documents = await _roles.Find(FieldIs(Field.ServiceAccountId, id))
                .Sort(Builders<BsonDocument>.Sort.Ascending(Field.CreatedAt).Ascending(Field.RoleId))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. documents.Select(d => Id<Role>.Parse(d[Field.RoleId].AsString))];
        });

    public ValueTask<Page<ServiceAccount>> ListAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _accounts.PageAsync(FieldIs(Field.AppId, appId), page, ServiceAccountDocument.FromBson, a => a.Id, cancellationToken));
}
