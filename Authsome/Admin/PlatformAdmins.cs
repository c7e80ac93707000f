using Authsome.Apps;
using Authsome.Organizations;
using Authsome.Rbac;
using Authsome.Store;

namespace Authsome.Admin;

/// <summary>The <c>platform:admin</c> role: an app-wide assignment of a built-in role of the platform app.</summary>
internal sealed class PlatformAdmins(IAuthsomeStore store, AppResolver apps, RoleCatalog roles, PermissionService permissions, TenancyEventPublisher events, TimeProvider time) : IPlatformAdmins
{
    public async ValueTask<bool> GrantAsync(string email, CancellationToken cancellationToken)
    {
        var platform = await apps.GetDefaultAsync(cancellationToken);
        var user = await store.Users.GetByEmailAsync(platform.AppId, platform.EnvId, email.Trim().ToLowerInvariant(), cancellationToken);
        if (user is null)
        {
            return false;
        }

        await GrantAsync(user, cancellationToken);
        return true;
    }

    public async ValueTask GrantAsync(User user, CancellationToken cancellationToken)
    {
        var role = await roles.GetBuiltInAsync(user.AppId, BuiltInRoles.PlatformAdmin, cancellationToken);
        var now = time.GetStoreNow();
        try
        {
            await store.RoleAssignments.CreateAsync(new RoleAssignment { Id = Id<RoleAssignment>.New(now), UserId = user.Id, RoleId = role.Id, CreatedAt = now }, cancellationToken);
        }
        catch (StoreConflictException)
        {
            return;
        }

        await events.PublishAsync(TenancyEventTypes.AdminGranted, user.AppId, null, null, user.Id.ToString(), cancellationToken);
    }

    /// <summary>Whether the user holds <c>platform:admin</c> app-wide in their own app.</summary>
    public ValueTask<bool> IsAdminAsync(User user, CancellationToken cancellationToken) =>
        permissions.HasPermissionAsync(user, "platform", "admin", null, cancellationToken);
}
