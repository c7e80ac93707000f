using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Roles in <c>authsome_roles</c> (slugs unique per app and organization; app-wide roles have a null <c>org_id</c>) and their permissions in <c>authsome_permissions</c>.</summary>
internal sealed class MongoRoleStore(MongoContext context, MongoCascades cascades) : IRoleStore
{
    private const string Entity = "role";
    private const string PermissionEntity = "permission";
    private readonly IMongoCollection<BsonDocument> _roles = context.Collection(MongoCollections.Roles);
    private readonly IMongoCollection<BsonDocument> _permissions = context.Collection(MongoCollections.Permissions);

    public ValueTask CreateAsync(Role role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        return MongoCall.RunAsync(Entity, () => _roles.InsertOneAsync(RoleDocument.ToBson(role), cancellationToken: cancellationToken));
    }

    public ValueTask<Role?> GetAsync(Id<Role> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _roles.FindOneAsync(IdIs(id), RoleDocument.FromBson, cancellationToken));

    public ValueTask<Role?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return MongoCall.RunAsync(Entity, () => _roles.FindOneAsync(FieldIs(Field.AppId, appId) & Filter.Eq(Field.OrgId, BsonNull.Value) & Filter.Eq(Field.Slug, slug), RoleDocument.FromBson, cancellationToken));
    }

    public ValueTask<Role?> GetBySlugAsync(Id<Organization> orgId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return MongoCall.RunAsync(Entity, () => _roles.FindOneAsync(FieldIs(Field.OrgId, orgId) & Filter.Eq(Field.Slug, slug), RoleDocument.FromBson, cancellationToken));
    }

    public ValueTask UpdateAsync(Role role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(role);
        var update = SetAllExcept(RoleDocument.ToBson(role), Field.CreatedAt, Field.AppId, Field.OrgId);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _roles.UpdateOneAsync(IdIs(role.Id), update, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    public ValueTask<bool> DeleteAsync(Id<Role> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => cascades.DeleteRoleAsync(id, cancellationToken));

    public ValueTask<IReadOnlyList<Role>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _roles.ListAsync(FieldIs(Field.AppId, appId), RoleDocument.FromBson, cancellationToken));

    public ValueTask<IReadOnlyList<Role>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _roles.ListAsync(FieldIs(Field.OrgId, orgId), RoleDocument.FromBson, cancellationToken));

    public ValueTask AddPermissionAsync(Permission permission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return MongoCall.RunAsync(PermissionEntity, () => _permissions.InsertOneAsync(PermissionDocument.ToBson(permission), cancellationToken: cancellationToken));
    }

    public ValueTask<bool> RemovePermissionAsync(Id<Permission> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(PermissionEntity, async () => (await _permissions.DeleteOneAsync(IdIs(id), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);

    public ValueTask<IReadOnlyList<Permission>> ListPermissionsAsync(Id<Role> roleId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(PermissionEntity, () => _permissions.ListAsync(FieldIs(Field.RoleId, roleId), PermissionDocument.FromBson, cancellationToken));
}
