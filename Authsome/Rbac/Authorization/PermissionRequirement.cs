using Microsoft.AspNetCore.Authorization;

namespace Authsome.Rbac.Authorization;

/// <summary>
/// Requires the signed-in Authsome user to hold a permission (<c>resource:action</c>) in the session's active
/// organization (<c>POST /orgs/{id}/activate</c>), or app-wide. Evaluated by the store-backed RBAC evaluator.
/// </summary>
/// <param name="Resource">e.g. <c>invoice</c>.</param>
/// <param name="Action">e.g. <c>read</c>.</param>
public sealed record PermissionRequirement(string Resource, string Action) : IAuthorizationRequirement
{
    /// <inheritdoc />
    public override string ToString() => $"Permission {Resource}:{Action}";
}
