using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Memberships in <c>authsome_members</c>, unique per (organization, user).</summary>
internal sealed class MongoMemberStore(MongoContext context) : IMemberStore
{
    private const string Entity = "member";
    private readonly IMongoCollection<BsonDocument> _members = context.Collection(MongoCollections.Members);
    private readonly IMongoCollection<BsonDocument> _organizations = context.Collection(MongoCollections.Organizations);

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

    public ValueTask UpdateKeepingOwnerAsync(Member member, string ownerRole, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentException.ThrowIfNullOrEmpty(ownerRole);
        var update = Update.Set(Field.Role, member.Role).Set(Field.UpdatedAt, BsonWrite.Date(member.UpdatedAt));
        return MongoCall.RunAsync(Entity, async () =>
        {
            var found = await context.InTransactionAsync(
                (session, ct) => KeepingAnOwnerAsync(session, member.Id, member.Role, ownerRole, () => _members.UpdateOneAsync(session, IdIs(member.Id), update, cancellationToken: ct), ct),
                cancellationToken).ConfigureAwait(false);
            if (!found)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    public ValueTask<bool> DeleteKeepingOwnerAsync(Id<Member> id, string ownerRole, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerRole);
        return MongoCall.RunAsync(Entity, () => context.InTransactionAsync(
            (session, ct) => KeepingAnOwnerAsync(session, id, null, ownerRole, () => _members.DeleteOneAsync(session, IdIs(id), cancellationToken: ct), ct),
            cancellationToken));
    }

    public ValueTask<IReadOnlyList<Member>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _members.ListAsync(FieldIs(Field.OrgId, orgId), MemberDocument.FromBson, cancellationToken));

    /// <summary>
    /// Runs <paramref name="write"/> unless the member is absent (false) or giving them <paramref name="newRole"/> (null:
    /// removing them) would leave the organization without an owner (LastOwner). In a transaction, writing the
    /// organization's document first makes concurrent owner changes of one organization conflict, so the server retries
    /// the loser's transaction, which then counts the owners the winner left. Without transactions (a standalone server)
    /// the write goes first and is undone when no owner is left after it: two owners racing may then both be refused,
    /// but never both succeed.
    /// </summary>
    private async Task<bool> KeepingAnOwnerAsync(IClientSessionHandle session, Id<Member> id, string? newRole, string ownerRole, Func<Task> write, CancellationToken cancellationToken)
    {
        var document = await _members.Find(session, IdIs(id)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return false;
        }

        var member = MemberDocument.FromBson(document);
        var changesOwner = member.Role == ownerRole && newRole != ownerRole;
        if (!session.IsInTransaction)
        {
            await write().ConfigureAwait(false);
            if (changesOwner && await _members.CountDocumentsAsync(session, FieldIs(Field.OrgId, member.OrgId) & Filter.Eq(Field.Role, ownerRole), new CountOptions { Limit = 1 }, cancellationToken).ConfigureAwait(false) == 0)
            {
                await _members.ReplaceOneAsync(session, IdIs(id), document, new ReplaceOptions { IsUpsert = true }, cancellationToken).ConfigureAwait(false);
                throw new StoreConflictException(ConflictKind.LastOwner, Entity);
            }

            return true;
        }

        if (changesOwner)
        {
            await _organizations.UpdateOneAsync(session, IdIs(member.OrgId), Update.Inc(Field.OwnerChanges, 1), cancellationToken: cancellationToken).ConfigureAwait(false);
            var others = FieldIs(Field.OrgId, member.OrgId) & Filter.Eq(Field.Role, ownerRole) & Filter.Ne(Field.Id, id.ToString());
            if (await _members.CountDocumentsAsync(session, others, new CountOptions { Limit = 1 }, cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new StoreConflictException(ConflictKind.LastOwner, Entity);
            }
        }

        await write().ConfigureAwait(false);
        return true;
    }
}
