using Authsome.Store;

namespace Authsome.Rbac;

/// <summary>
/// Answers "may this user do that here?" with the store-backed <see cref="RbacEvaluator"/>, over the user's app-wide
/// roles and, within an organization, the member's role and the roles assigned to them there.
/// </summary>
internal sealed class PermissionService(IAuthsomeStore store, RoleCatalog catalog)
{
    /// <summary>Whether the user may perform <paramref name="action"/> on <paramref name="resource"/>, within <paramref name="orgId"/> when given.</summary>
    public async ValueTask<bool> HasPermissionAsync(User user, string resource, string action, Id<Organization>? orgId, CancellationToken cancellationToken)
    {
        var evaluator = new RbacEvaluator(store.Roles, await AssignmentsAsync(user, orgId, cancellationToken));
        return await evaluator.HasPermissionAsync(user.Id, action, resource, orgId, cancellationToken);
    }

    /// <summary>The user's effective permissions (<c>resource:action</c>, inherited ones included), sorted.</summary>
    public async ValueTask<IReadOnlyList<string>> ListAsync(User user, Id<Organization>? orgId, CancellationToken cancellationToken)
    {
        var assignments = await AssignmentsAsync(user, orgId, cancellationToken);
        var permissions = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<Id<Role>>();
        foreach (var assignment in await assignments.ListByUserAsync(user.Id, cancellationToken))
        {
            // The same walk as the evaluator: parents up to its depth, each role once.
            Id<Role>? roleId = assignment.RoleId;
            for (var depth = 0; depth <= RbacEvaluator.MaxDepth && roleId is { } current && visited.Add(current); depth++)
            {
                foreach (var permission in await store.Roles.ListPermissionsAsync(current, cancellationToken))
                {
                    permissions.Add(PermissionName.Of(permission).ToString());
                }

                roleId = (await store.Roles.GetAsync(current, cancellationToken))?.ParentId;
            }
        }

        return [.. permissions];
    }

    private async ValueTask<OrganizationScopedAssignments> AssignmentsAsync(User user, Id<Organization>? orgId, CancellationToken cancellationToken)
    {
        RoleAssignment? membership = null;
        if (orgId is { } org && await store.Members.GetByUserAsync(org, user.Id, cancellationToken) is { } member
            && await catalog.FindAsync(user.AppId, org, member.Role, cancellationToken) is { } role)
        {
            membership = new RoleAssignment
            {
                Id = new Id<RoleAssignment>(member.Id.Value),
                UserId = user.Id,
                RoleId = role.Id,
                OrgId = org,
                CreatedAt = member.CreatedAt,
            };
        }

        return new OrganizationScopedAssignments(store.RoleAssignments, orgId, membership);
    }
}
