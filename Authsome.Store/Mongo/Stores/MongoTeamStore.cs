using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Teams in <c>authsome_teams</c>, slugs unique per organization.</summary>
internal sealed class MongoTeamStore(MongoContext context) : ITeamStore
{
    private const string Entity = "team";
    private readonly IMongoCollection<BsonDocument> _teams = context.Collection(MongoCollections.Teams);

    public ValueTask CreateAsync(Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        return MongoCall.RunAsync(Entity, () => _teams.InsertOneAsync(TeamDocument.ToBson(team), cancellationToken: cancellationToken));
    }

    public ValueTask<Team?> GetAsync(Id<Team> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _teams.FindOneAsync(IdIs(id), TeamDocument.FromBson, cancellationToken));

    public ValueTask UpdateAsync(Team team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        var update = SetAllExcept(TeamDocument.ToBson(team), Field.CreatedAt);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _teams.UpdateOneAsync(IdIs(team.Id), update, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    public ValueTask<bool> DeleteAsync(Id<Team> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () => (await _teams.DeleteOneAsync(IdIs(id), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);

    public ValueTask<IReadOnlyList<Team>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _teams.ListAsync(FieldIs(Field.OrgId, orgId), TeamDocument.FromBson, cancellationToken));
}
