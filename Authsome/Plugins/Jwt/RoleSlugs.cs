using Authsome.Store;

namespace Authsome.Plugins.Jwt;

/// <summary>A user's app-wide roles (assignments without an organization), by slug.</summary>
internal static class RoleSlugs
{
    public static async ValueTask<string[]> OfAsync(IAuthsomeStore store, Id<User> userId, CancellationToken cancellationToken)
    {
        var slugs = new List<string>();
        foreach (var assignment in await store.RoleAssignments.ListByUserAsync(userId, cancellationToken))
        {
            if (assignment.OrgId is null && await store.Roles.GetAsync(assignment.RoleId, cancellationToken) is { } role)
            {
                slugs.Add(role.Slug);
            }
        }

        return [.. slugs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
