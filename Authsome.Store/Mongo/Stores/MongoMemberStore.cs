using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Memberships in <c>authsome_members</c>, unique per (organization, user).</summary>
internal sealed class MongoMemberStore(MongoContext context) : IMemberStore
{
    private const string Entity = "member";
    private readonly IMongoCollection<BsonDocument> _members = context.Collection(MongoCollections.Members);

    public ValueTask CreateAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return MongoCall.RunAsync(Entity, () => _members.InsertOneAsync(MemberDocument.ToBson(member), cancellationToken: cancellationToken));
    }

    public ValueTask<Member?> GetAsync(Id<Member> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _members.FindOneAsync(IdIs(id), MemberDocument.FromBson, cancellationToken));

    public ValueTask<Member?> GetByUserAsync(Id<Organization> orgId, Id<User> userId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _members.FindOneAsync(FieldIs(Field.OrgId, orgId) & FieldIs(Field.UserId, userId), MemberDocument.FromBson, cancellationToken));

    public ValueTask UpdateAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var update = Update.Set(Field.Role, member.Role).Set(Field.UpdatedAt, BsonWrite.Date(member.UpdatedAt));
            var result = await _members.UpdateOneAsync(IdIs(member.Id), update, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    public ValueTask<bool> DeleteAsync(Id<Member> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () => (await _members.DeleteOneAsync(IdIs(id), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);

    public ValueTask<IReadOnlyList<Member>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _members.ListAsync(FieldIs(Field.OrgId, orgId), MemberDocument.FromBson, cancellationToken));
}
