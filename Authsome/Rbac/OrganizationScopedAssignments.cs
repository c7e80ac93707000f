using Authsome.Store;

namespace Authsome.Rbac;

/// <summary>
/// What the store-backed <see cref="RbacEvaluator"/> sees of a user's assignments for a check in one organization:
/// the app-wide assignments, the assignments within that organization while the user is its member, and the member's
/// own role as one more assignment. Assignments in other organizations never count, and neither do those of a
/// former member, whatever was left behind.
/// </summary>
internal sealed class OrganizationScopedAssignments(IRoleAssignmentStore inner, Id<Organization>? orgId, RoleAssignment? membership) : IRoleAssignmentStore
{
    public async ValueTask<IReadOnlyList<RoleAssignment>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken)
    {
        var stored = await inner.ListByUserAsync(userId, cancellationToken);
        var visible = stored.Where(a => a.OrgId is null || (membership is not null && a.OrgId == orgId)).ToList();
        if (membership is not null)
        {
            visible.Add(membership);
        }

        return visible;
    }

    public ValueTask CreateAsync(RoleAssignment assignment, CancellationToken cancellationToken) => inner.CreateAsync(assignment, cancellationToken);

    public ValueTask<bool> DeleteAsync(Id<RoleAssignment> id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);
}
