namespace Authsome.Store;

/// <summary>
/// Decides whether a user may perform an action on a resource, from the roles assigned to the user and the
/// roles those inherit. Works over any store, so every backend answers alike.
/// </summary>
public sealed class RbacEvaluator(IRoleStore roles, IRoleAssignmentStore assignments)
{
    /// <summary>How many levels of parents are followed; deeper chains (or cycles) stop here.</summary>
    public const int MaxDepth = 20;

    /// <summary>
    /// True when a role assigned to the user app-wide, or within <paramref name="orgId"/> when given, or one of its
    /// ancestors, has a permission matching the action and resource.
    /// </summary>
    public async ValueTask<bool> HasPermissionAsync(Id<User> userId, string action, string resource, Id<Organization>? orgId, CancellationToken cancellationToken)
    {
        var held = (await assignments.ListByUserAsync(userId, cancellationToken).ConfigureAwait(false))
            .Where(a => a.OrgId is not { } scope || scope == orgId)
            .Select(a => a.RoleId);
        return await HasPermissionAsync(held, action, resource, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// True when one of <paramref name="roleIds"/> (the roles a service account holds, say), or one of their ancestors,
    /// has a permission matching the action and resource.
    /// </summary>
    public async ValueTask<bool> HasPermissionAsync(IEnumerable<Id<Role>> roleIds, string action, string resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roleIds);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        var visited = new HashSet<Id<Role>>();
        foreach (var held in roleIds)
        {
            Id<Role>? roleId = held;
            for (var depth = 0; depth <= MaxDepth && roleId is { } current && visited.Add(current); depth++)
            {
                foreach (var permission in await roles.ListPermissionsAsync(current, cancellationToken).ConfigureAwait(false))
                {
                    if (Matches(permission.Action, action) && Matches(permission.Resource, resource))
                    {
                        return true;
                    }
                }

                roleId = (await roles.GetAsync(current, cancellationToken).ConfigureAwait(false))?.ParentId;
            }
        }

        return false;
    }

    /// <summary>Whether a granted pattern (<c>*</c>, an exact value, or a prefix ending in <c>*</c>) covers a requested value.</summary>
    public static bool Matches(string granted, string requested)
    {
        ArgumentNullException.ThrowIfNull(granted);
        ArgumentNullException.ThrowIfNull(requested);
        return granted == "*"
            || string.Equals(granted, requested, StringComparison.Ordinal)
            || (granted.EndsWith('*') && requested.StartsWith(granted.AsSpan(0, granted.Length - 1), StringComparison.Ordinal));
    }
}
