using Authsome.Store;
using Authsome.Store.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Organizations.Teams;

/// <summary>Team membership in the <c>authsome_team_members</c> collection of the store's MongoDB database.</summary>
internal sealed class MongoTeamMemberStore(MongoPluginContext context) : ITeamMemberStore
{
    private const string Entity = "team member";
    public const string TeamId = "team_id";
    private const string MemberId = "member_id";
    private const string CreatedAt = "created_at";

    private readonly IMongoCollection<BsonDocument> collection = context.Collection(TenancyMigrations.TeamMembersTable);

    // An upsert that only inserts: the answer says whether this call added the row, without a duplicate-key error.
    public async ValueTask<bool> AddAsync(Id<Team> teamId, Id<Member> memberId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await context.RunAsync(Entity, async () => (await collection.UpdateOneAsync(
            Builders<BsonDocument>.Filter.Eq("_id", $"{teamId}/{memberId}"),
            Builders<BsonDocument>.Update
                .SetOnInsert(TeamId, teamId.ToString())
                .SetOnInsert(MemberId, memberId.ToString())
                .SetOnInsert(CreatedAt, new BsonDateTime(StoreTime.Normalize(at).UtcDateTime)),
            new UpdateOptions { IsUpsert = true },
            cancellationToken)).UpsertedId is not null);

    public async ValueTask<bool> RemoveAsync(Id<Team> teamId, Id<Member> memberId, CancellationToken cancellationToken) =>
        await DeleteAsync(Builders<BsonDocument>.Filter.Eq("_id", $"{teamId}/{memberId}"), cancellationToken) > 0;

    public async ValueTask<IReadOnlyList<Id<Member>>> ListAsync(Id<Team> teamId, CancellationToken cancellationToken) =>
        await context.RunAsync<IReadOnlyList<Id<Member>>>(Entity, async () =>
        {
            var documents = await collection.Find(Builders<BsonDocument>.Filter.Eq(TeamId, teamId.ToString()))
                .Sort(Builders<BsonDocument>.Sort.Ascending(CreatedAt).Ascending(MemberId))
                .ToListAsync(cancellationToken);
            return [.. documents.Select(d => Id<Member>.Parse(d[MemberId].AsString))];
        });

    public async ValueTask DeleteTeamAsync(Id<Team> teamId, CancellationToken cancellationToken) =>
        await DeleteAsync(Builders<BsonDocument>.Filter.Eq(TeamId, teamId.ToString()), cancellationToken);

    private Task<long> DeleteAsync(FilterDefinition<BsonDocument> filter, CancellationToken cancellationToken) =>
        context.RunAsync(Entity, async () => (await collection.DeleteManyAsync(filter, cancellationToken)).DeletedCount);
}
