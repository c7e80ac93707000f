using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Invitations in <c>authsome_invitations</c>; a status change is one filtered update on the expected status, so exactly one caller wins.</summary>
internal sealed class MongoInvitationStore(MongoContext context) : IInvitationStore
{
    private const string Entity = "invitation";
    private readonly IMongoCollection<BsonDocument> _invitations = context.Collection(MongoCollections.Invitations);

    public ValueTask CreateAsync(Invitation invitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return MongoCall.RunAsync(Entity, () => _invitations.InsertOneAsync(InvitationDocument.ToBson(invitation), cancellationToken: cancellationToken));
    }

    public ValueTask<Invitation?> GetAsync(Id<Invitation> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _invitations.FindOneAsync(IdIs(id), InvitationDocument.FromBson, cancellationToken));

    public ValueTask<Invitation?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _invitations.FindOneAsync(Filter.Eq(Field.TokenHash, tokenHash.Hex), InvitationDocument.FromBson, cancellationToken));

    public ValueTask<bool> TransitionAsync(Id<Invitation> id, InvitationStatus expected, InvitationStatus next, DateTimeOffset at, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _invitations.UpdateOneAsync(
                IdIs(id) & Filter.Eq(Field.Status, BsonWrite.Enum(expected)),
                Update.Set(Field.Status, BsonWrite.Enum(next)).Set(Field.UpdatedAt, BsonWrite.Date(StoreTime.Normalize(at))),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.MatchedCount == 1;
        });

    public ValueTask<bool> DeleteAsync(Id<Invitation> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () => (await _invitations.DeleteOneAsync(IdIs(id), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);

    public ValueTask<IReadOnlyList<Invitation>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _invitations.ListAsync(FieldIs(Field.OrgId, orgId), InvitationDocument.FromBson, cancellationToken));
}
