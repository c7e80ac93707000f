using Authsome.Authentication;
using Authsome.Rbac.Authorization;

namespace Microsoft.AspNetCore.Authorization;

/// <summary>Authorization policies on Authsome permissions.</summary>
public static class PermissionPolicyExtensions
{
    /// <summary>
    /// Requires an Authsome session whose user holds <paramref name="resource"/>:<paramref name="action"/> in the
    /// session's active organization (or app-wide): <c>.RequireAuthorization(p => p.RequirePermission("invoice", "read"))</c>.
    /// </summary>
    public static AuthorizationPolicyBuilder RequirePermission(this AuthorizationPolicyBuilder builder, string resource, string action)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return builder.AddAuthenticationSchemes(AuthsomeAuthenticationDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(resource, action));
    }
}
