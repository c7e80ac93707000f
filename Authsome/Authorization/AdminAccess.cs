using Authsome.ApiKeys;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Store;
using Microsoft.AspNetCore.Http;

namespace Authsome.Authorization;

/// <summary>Who administers: a user (by session or by the user's API key), or a service account (by its key).</summary>
internal readonly record struct AdminCaller(User? User, ServiceAccount? ServiceAccount);

/// <summary>
/// Who may administer an app's machine access (webhooks, service accounts): a user holding, app-wide, a role that
/// grants <c>manage</c> on the resource, or a service account holding such a role (roles and their inheritance as
/// <see cref="RbacEvaluator"/> reads them). A request made with an API key must also carry the scope
/// <c>{resource}:manage</c> (or a key without scopes): a scope narrows what the owner's roles allow, never widens it.
/// </summary>
internal sealed class AdminAccess(IAuthsomeStore store)
{
    public const string Manage = "manage";

    /// <summary>The administrator making the request; 401 without a credential, 403 without the permission.</summary>
    public async ValueTask<AdminCaller> RequireAsync(HttpContext context, string resource, CancellationToken cancellationToken)
    {
        var key = ApiKeyAuthentication.KeyOf(context);
        if (key is not null && !key.Allows($"{resource}:{Manage}"))
        {
            throw new AuthsomeException(AuthsomeErrors.Forbidden, $"The API key lacks the scope {resource}:{Manage}.");
        }

        var rbac = new RbacEvaluator(store.Roles, store.RoleAssignments);
        if (key is { User: null, ServiceAccount: { } account })
        {
            var roles = await store.ServiceAccounts.ListRolesAsync(account.Id, cancellationToken);
            return await rbac.HasPermissionAsync(roles, Manage, resource, cancellationToken)
                ? new AdminCaller(null, account)
                : throw Forbidden(resource);
        }

        var user = context.RequireUser();
        return await rbac.HasPermissionAsync(user.Id, Manage, resource, null, cancellationToken)
            ? new AdminCaller(user, null)
            : throw Forbidden(resource);
    }

    /// <summary>
    /// The user administering; 403 for a service account's key (what needs this hands out power a machine must not give
    /// itself, such as roles), and as <see cref="RequireAsync"/> otherwise.
    /// </summary>
    public async ValueTask<User> RequireUserAsync(HttpContext context, string resource, CancellationToken cancellationToken) =>
        (await RequireAsync(context, resource, cancellationToken)).User
        ?? throw new AuthsomeException(AuthsomeErrors.Forbidden, "A service account cannot do this; an administrator must.");

    private static AuthsomeException Forbidden(string resource) =>
        new(AuthsomeErrors.Forbidden, $"Managing {resource} needs the permission {Manage} on {resource}.");
}
