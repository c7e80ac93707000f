using Authsome.Store;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Organizations.Teams;

/// <summary>Team membership in the <c>authsome_team_members</c> collection of the store's MongoDB database.</summary>
internal sealed class MongoTeamMemberStore(IMongoDatabase database) : ITeamMemberStore
{
    private const string TeamId = "team_id";
    private const string MemberId = "member_id";
    private const string CreatedAt = "created_at";

    private readonly IMongoCollection<BsonDocument> collection = database.GetCollection<BsonDocument>(TenancyMigrations.TeamMembersTable);

    public async ValueTask<bool> AddAsync(Id<Team> teamId, Id<Member> memberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            // An upsert that only inserts: the answer says whether this call added the row, without a duplicate-key error.
            var result = await collection.UpdateOneAsync(
                Builders<BsonDocument>.Filter.Eq("_id", $"{teamId}/{memberId}"),
                Builders<BsonDocument>.Update
                    .SetOnInsert(TeamId, teamId.ToString())
                    .SetOnInsert(MemberId, memberId.ToString())
                    .SetOnInsert(CreatedAt, new BsonDateTime(StoreTime.Normalize(at).UtcDateTime)),
                new UpdateOptions { IsUpsert = true },
                cancellationToken);
            return result.UpsertedId is not null;
        }
        catch (MongoException ex)
        {
            throw new StoreUnavailableException("The team members could not be written.", ex);
        }
    }

    public async ValueTask<bool> RemoveAsync(Id<Team> teamId, Id<Member> memberId, CancellationToken cancellationToken) =>
        await DeleteAsync(Builders<BsonDocument>.Filter.Eq("_id", $"{teamId}/{memberId}"), cancellationToken) > 0;

    public async ValueTask<IReadOnlyList<Id<Member>>> ListAsync(Id<Team> teamId, CancellationToken cancellationToken)
    {
        try
        {
            var documents = await collection.Find(Builders<BsonDocument>.Filter.Eq(TeamId, teamId.ToString()))
                .Sort(Builders<BsonDocument>.Sort.Ascending(CreatedAt).Ascending(MemberId))
                .ToListAsync(cancellationToken);
            return [.. documents.Select(d => Id<Member>.Parse(d[MemberId].AsString))];
        }
        catch (MongoException ex)
        {
            throw new StoreUnavailableException("The team members could not be read.", ex);
        }
    }

    public async ValueTask DeleteTeamAsync(Id<Team> teamId, CancellationToken cancellationToken) =>
        await DeleteAsync(Builders<BsonDocument>.Filter.Eq(TeamId, teamId.ToString()), cancellationToken);

    private async ValueTask<long> DeleteAsync(FilterDefinition<BsonDocument> filter, CancellationToken cancellationToken)
    {
        try
        {
            return (await collection.DeleteManyAsync(filter, cancellationToken)).DeletedCount;
        }
        catch (MongoException ex)
        {
            throw new StoreUnavailableException("The team members could not be written.", ex);
        }
    }
}
