using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Role assignments in <c>authsome_role_assignments</c>, unique per (user, role, organization); app-wide ones have a null organization.</summary>
internal sealed class MongoRoleAssignmentStore(MongoContext context) : IRoleAssignmentStore
{
    private const string Entity = "role assignment";
    private readonly IMongoCollection<BsonDocument> _assignments = context.Collection(MongoCollections.RoleAssignments);

    public ValueTask CreateAsync(RoleAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return MongoCall.RunAsync(Entity, () => _assignments.InsertOneAsync(RoleAssignmentDocument.ToBson(assignment), cancellationToken: cancellationToken));
    }

    public ValueTask<bool> DeleteAsync(Id<RoleAssignment> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () => (await _assignments.DeleteOneAsync(IdIs(id), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);

    public ValueTask<IReadOnlyList<RoleAssignment>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _assignments.ListAsync(FieldIs(Field.UserId, userId), RoleAssignmentDocument.FromBson, cancellationToken));
}
