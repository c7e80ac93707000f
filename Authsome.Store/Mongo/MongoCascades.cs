using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>
/// Deletes that reach across collections (an app, an organization, a role and what belongs to them, plugin documents
/// declared to belong to a user or a team included). Each runs in
/// one transaction where the server has them; everywhere it deletes children before their parent, so an
/// interrupted run leaves the parent in place and a repeated call finishes the job.
/// </summary>
internal sealed class MongoCascades(MongoContext context)
{
    private static readonly string[] AppOwned =
    [
        MongoCollections.Sessions,
        MongoCollections.RevokedRefreshTokens,
        MongoCollections.Verifications,
        MongoCollections.PasswordResets,
        MongoCollections.Devices,
        MongoCollections.WebhookDeliveries,
        MongoCollections.Webhooks,
        MongoCollections.Notifications,
        MongoCollections.ApiKeys,
        MongoCollections.FormConfigs,
        MongoCollections.AppSessionConfigs,
        MongoCollections.AppClientConfigs,
        MongoCollections.ServiceAccountRoles,
        MongoCollections.ServiceAccounts,
        MongoCollections.Users,
        MongoCollections.Environments,
    ];

    private static readonly string[] OrganizationOwned =
    [
        MongoCollections.RoleAssignments,
        MongoCollections.Members,
        MongoCollections.Invitations,
        MongoCollections.Teams,
        MongoCollections.BrandingConfigs,
    ];

    public Task<bool> DeleteAppAsync(Id<App> appId, CancellationToken cancellationToken) =>
        context.InTransactionAsync(
            async (session, ct) =>
            {
                var appFilter = FieldIs(Field.AppId, appId);
                var orgIds = await IdsAsync(session, MongoCollections.Organizations, appFilter, ct).ConfigureAwait(false);
                var roleIds = await IdsAsync(session, MongoCollections.Roles, appFilter, ct).ConfigureAwait(false);

                await DeleteOrganizationChildrenAsync(session, orgIds, ct).ConfigureAwait(false);
                await DeleteRoleChildrenAsync(session, roleIds, ct).ConfigureAwait(false);
                var appSettings = Filter.Eq(Field.Scope, BsonWrite.Enum(SettingScope.App)) & Filter.Eq(Field.ScopeId, appId.ToString());
                await DeleteManyAsync(session, MongoCollections.Settings, appSettings, ct).ConfigureAwait(false);
                await DeletePluginUserDataAsync(session, appFilter, ct).ConfigureAwait(false);
                foreach (var collection in AppOwned)
                {
                    await DeleteManyAsync(session, collection, appFilter, ct).ConfigureAwait(false);
                }

                await DeleteManyAsync(session, MongoCollections.Roles, appFilter, ct).ConfigureAwait(false);
                await DeleteManyAsync(session, MongoCollections.Organizations, appFilter, ct).ConfigureAwait(false);
                return await DeleteManyAsync(session, MongoCollections.Apps, IdIs(appId), ct).ConfigureAwait(false) > 0;
            },
            cancellationToken);

    public Task<bool> DeleteOrganizationAsync(Id<Organization> orgId, CancellationToken cancellationToken) =>
        context.InTransactionAsync(
            async (session, ct) =>
            {
                await DeleteOrganizationChildrenAsync(session, [orgId.ToString()], ct).ConfigureAwait(false);
                return await DeleteManyAsync(session, MongoCollections.Organizations, IdIs(orgId), ct).ConfigureAwait(false) > 0;
            },
            cancellationToken);

    /// <summary>A role goes with its permissions and assignments; roles that inherited from it lose their parent.</summary>
    public Task<bool> DeleteRoleAsync(Id<Role> roleId, CancellationToken cancellationToken) =>
        context.InTransactionAsync(
            async (session, ct) =>
            {
                await DeleteRoleChildrenAsync(session, [roleId.ToString()], ct).ConfigureAwait(false);
                await context.Collection(MongoCollections.Roles).UpdateManyAsync(
                    session,
                    FieldIs(Field.ParentId, roleId),
                    Update.Set(Field.ParentId, BsonNull.Value),
                    cancellationToken: ct).ConfigureAwait(false);
                return await DeleteManyAsync(session, MongoCollections.Roles, IdIs(roleId), ct).ConfigureAwait(false) > 0;
            },
            cancellationToken);

    // Plugins' user-owned documents go before the users, in batches of ids so no filter grows past a document's size.
    private async Task DeletePluginUserDataAsync(IClientSessionHandle session, FilterDefinition<BsonDocument> appFilter, CancellationToken cancellationToken)
    {
        var owned = context.UserOwnedCollections.Keys.ToList();
        if (owned.Count == 0)
        {
            return;
        }

        var userIds = await IdsAsync(session, MongoCollections.Users, appFilter, cancellationToken).ConfigureAwait(false);
        foreach (var batch in userIds.Chunk(1000))
        {
            foreach (var (collection, userIdField) in owned)
            {
                await DeleteManyAsync(session, collection, Filter.In(userIdField, batch), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DeleteOrganizationChildrenAsync(IClientSessionHandle session, IReadOnlyList<string> orgIds, CancellationToken cancellationToken)
    {
        if (orgIds.Count == 0)
        {
            return;
        }

        var byOrg = Filter.In(Field.OrgId, orgIds);
        var teamIds = await IdsAsync(session, MongoCollections.Teams, byOrg, cancellationToken).ConfigureAwait(false);
        foreach (var batch in teamIds.Chunk(1000))
        {
            foreach (var (collection, teamIdField) in context.TeamOwnedCollections.Keys)
            {
                await DeleteManyAsync(session, collection, Filter.In(teamIdField, batch), cancellationToken).ConfigureAwait(false);
            }
        }

        // Custom roles of the organizations, with their permissions and assignments (roles may only inherit within their organization or from built-in roles).
        var roleIds = await IdsAsync(session, MongoCollections.Roles, byOrg, cancellationToken).ConfigureAwait(false);
        await DeleteRoleChildrenAsync(session, roleIds, cancellationToken).ConfigureAwait(false);
        await DeleteManyAsync(session, MongoCollections.Roles, byOrg, cancellationToken).ConfigureAwait(false);
        var orgSettings = Filter.Eq(Field.Scope, BsonWrite.Enum(SettingScope.Organization)) & Filter.In(Field.ScopeId, orgIds);
        await DeleteManyAsync(session, MongoCollections.Settings, orgSettings, cancellationToken).ConfigureAwait(false);
        foreach (var collection in OrganizationOwned)
        {
            await DeleteManyAsync(session, collection, byOrg, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteRoleChildrenAsync(IClientSessionHandle session, IReadOnlyList<string> roleIds, CancellationToken cancellationToken)
    {
        if (roleIds.Count == 0)
        {
            return;
        }

        var byRole = Filter.In(Field.RoleId, roleIds);
        await DeleteManyAsync(session, MongoCollections.Permissions, byRole, cancellationToken).ConfigureAwait(false);
        await DeleteManyAsync(session, MongoCollections.RoleAssignments, byRole, cancellationToken).ConfigureAwait(false);
        await DeleteManyAsync(session, MongoCollections.ServiceAccountRoles, byRole, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> IdsAsync(IClientSessionHandle session, string collection, FilterDefinition<BsonDocument> filter, CancellationToken cancellationToken)
    {
        var documents = await context.Collection(collection)
            .Find(session, filter)
            .Project(Builders<BsonDocument>.Projection.Include(Field.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. documents.Select(d => d[Field.Id].AsString)];
    }

    private async Task<long> DeleteManyAsync(IClientSessionHandle session, string collection, FilterDefinition<BsonDocument> filter, CancellationToken cancellationToken) =>
        (await context.Collection(collection).DeleteManyAsync(session, filter, cancellationToken: cancellationToken).ConfigureAwait(false)).DeletedCount;
}
