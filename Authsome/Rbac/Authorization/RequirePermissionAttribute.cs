using Authsome.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Authsome.Rbac.Authorization;

/// <summary>
/// Requires an Authsome session whose user holds <c>resource:action</c> in the active organization (or app-wide), on a
/// controller, action or minimal-API handler: <c>[RequirePermission("invoice", "read")]</c>. Several attributes must all pass.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Delegate, AllowMultiple = true, Inherited = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute, IAuthorizationRequirementData
{
    /// <summary>Requires <paramref name="resource"/>:<paramref name="action"/>.</summary>
    public RequirePermissionAttribute(string resource, string action)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        Resource = resource;
        Action = action;
        AuthenticationSchemes = AuthsomeAuthenticationDefaults.AuthenticationScheme;
    }

    /// <summary>The resource, e.g. <c>invoice</c>.</summary>
    public string Resource { get; }

    /// <summary>The action, e.g. <c>read</c>.</summary>
    public string Action { get; }

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements()
    {
        yield return new PermissionRequirement(Resource, Action);
    }
}
