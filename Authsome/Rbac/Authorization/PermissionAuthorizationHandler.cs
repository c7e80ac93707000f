using Authsome.Authentication;
using Authsome.Store;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Authsome.Rbac.Authorization;

/// <summary>
/// Decides <see cref="PermissionRequirement"/>s for the request's Authsome session, in its active organization. Each
/// (organization, resource, action) is evaluated once per request, however many policies ask.
/// </summary>
internal sealed class PermissionAuthorizationHandler(PermissionService permissions, IHttpContextAccessor accessor) : AuthorizationHandler<PermissionRequirement>
{
    private static readonly object CacheKey = new();

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var http = context.Resource as HttpContext ?? accessor.HttpContext;
        if (http?.GetAuthsomeSession() is not { } current)
        {
            return;
        }

        var cache = http.Items.TryGetValue(CacheKey, out var existing) && existing is Dictionary<(Id<Organization>?, string, string), bool> found
            ? found
            : (Dictionary<(Id<Organization>?, string, string), bool>)(http.Items[CacheKey] = new Dictionary<(Id<Organization>?, string, string), bool>());
        var key = (current.Session.OrgId, requirement.Resource, requirement.Action);
        if (!cache.TryGetValue(key, out var allowed))
        {
            allowed = await permissions.HasPermissionAsync(current.User, requirement.Resource, requirement.Action, current.Session.OrgId, http.RequestAborted);
            cache[key] = allowed;
        }

        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}
