using Authsome.ApiKeys;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Store;
using Microsoft.AspNetCore.Http;

namespace Authsome.Authorization;

/// <summary>
/// Who may administer an app's machine access (webhooks, service accounts): a user holding, app-wide, a role that
/// grants <c>manage</c> on the resource (roles and their inheritance as <see cref="RbacEvaluator"/> reads them). A
/// request made with the user's API key must also carry the scope <c>{resource}:manage</c> (or a key without scopes):
/// a scope narrows what the roles allow, never widens it.
/// </summary>
internal sealed class AdminAccess(IAuthsomeStore store)
{
    public const string Manage = "manage";

    /// <summary>The administrator making the request; 401 without a credential, 403 without the permission.</summary>
    public async ValueTask<User> RequireAsync(HttpContext context, string resource, CancellationToken cancellationToken)
    {
        var user = context.RequireUser();
        if (ApiKeyAuthentication.KeyOf(context) is { } key && !key.Allows($"{resource}:{Manage}"))
        {
            throw new AuthsomeException(AuthsomeErrors.Forbidden, $"The API key lacks the scope {resource}:{Manage}.");
        }

        var rbac = new RbacEvaluator(store.Roles, store.RoleAssignments);
        if (!await rbac.HasPermissionAsync(user.Id, Manage, resource, null, cancellationToken))
        {
            throw new AuthsomeException(AuthsomeErrors.Forbidden, $"Managing {resource} needs the permission {Manage} on {resource}.");
        }

        return user;
    }
}
