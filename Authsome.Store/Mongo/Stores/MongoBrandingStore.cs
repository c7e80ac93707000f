using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Organizations' branding in <c>authsome_branding_configs</c>, at most one per organization.</summary>
internal sealed class MongoBrandingStore(MongoContext context) : IBrandingStore
{
    private const string Entity = "branding config";
    private readonly IMongoCollection<BsonDocument> _branding = context.Collection(MongoCollections.BrandingConfigs);

    public ValueTask<BrandingConfig?> GetAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _branding.FindOneAsync(FieldIs(Field.OrgId, orgId), BrandingDocument.FromBson, cancellationToken));

    public ValueTask<BrandingConfig> SaveAsync(BrandingConfig branding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(branding);
        return MongoCall.RunAsync(Entity, () => _branding.UpsertAsync(FieldIs(Field.OrgId, branding.OrgId), BrandingDocument.ToBson(branding), BrandingDocument.FromBson, cancellationToken));
    }

    public ValueTask<bool> DeleteAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () => (await _branding.DeleteOneAsync(FieldIs(Field.OrgId, orgId), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);
}
