using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Organizations in <c>authsome_organizations</c>; deleting one removes its members, invitations, teams and branding.</summary>
internal sealed class MongoOrganizationStore(MongoContext context, MongoCascades cascades) : IOrganizationStore
{
    private const string Entity = "organization";
    private readonly IMongoCollection<BsonDocument> _organizations = context.Collection(MongoCollections.Organizations);
    private readonly IMongoCollection<BsonDocument> _members = context.Collection(MongoCollections.Members);

    public ValueTask CreateAsync(Organization organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return MongoCall.RunAsync(Entity, () => _organizations.InsertOneAsync(OrganizationDocument.ToBson(organization), cancellationToken: cancellationToken));
    }

    public ValueTask<Organization?> GetAsync(Id<Organization> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _organizations.FindOneAsync(IdIs(id), OrganizationDocument.FromBson, cancellationToken));

    public ValueTask<Organization?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return MongoCall.RunAsync(Entity, () => _organizations.FindOneAsync(FieldIs(Field.AppId, appId) & Filter.Eq(Field.Slug, slug), OrganizationDocument.FromBson, cancellationToken));
    }

    public ValueTask UpdateAsync(Organization organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var update = SetAllExcept(OrganizationDocument.ToBson(organization), Field.CreatedAt);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _organizations.UpdateOneAsync(IdIs(organization.Id), update, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    public ValueTask<bool> DeleteAsync(Id<Organization> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => cascades.DeleteOrganizationAsync(id, cancellationToken));

    public ValueTask<Page<Organization>> ListAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _organizations.PageAsync(FieldIs(Field.AppId, appId), page, OrganizationDocument.FromBson, o => o.Id, cancellationToken));

    public ValueTask<IReadOnlyList<Organization>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var memberships = await _members.Find(FieldIs(Field.UserId, userId))
                .Project(Builders<BsonDocument>.Projection.Include(Field.OrgId))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var orgIds = memberships.Select(m => m.Text(Field.OrgId)).Distinct(StringComparer.Ordinal).ToArray();
            return orgIds.Length == 0
                ? []
                : await _organizations.ListAsync(Filter.In(Field.Id, orgIds), OrganizationDocument.FromBson, cancellationToken).ConfigureAwait(false);
        });
}
