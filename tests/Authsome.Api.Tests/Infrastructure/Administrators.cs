using Authsome.Store;

namespace Authsome.Api.Tests.Infrastructure;

/// <summary>Makes a user an administrator of a resource: a role granting <c>manage</c> on it, assigned app-wide.</summary>
public static class Administrators
{
    public static async Task GrantAsync(ApiHost host, string userId, string resource)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = (await host.Store.Apps.GetPlatformAsync(ct))!;
        var now = DateTimeOffset.UtcNow;
        var role = new Role { Id = Id<Role>.New(), AppId = app.Id, Name = $"{resource} admin", Slug = $"{resource}-admin-{Guid.NewGuid():N}", CreatedAt = now, UpdatedAt = now };
        await host.Store.Roles.CreateAsync(role, ct);
        await host.Store.Roles.AddPermissionAsync(new Permission { Id = Id<Permission>.New(), RoleId = role.Id, Action = "manage", Resource = resource, CreatedAt = now }, ct);
        await host.Store.RoleAssignments.CreateAsync(new RoleAssignment { Id = Id<RoleAssignment>.New(), UserId = Id<User>.Parse(userId), RoleId = role.Id, CreatedAt = now }, ct);
    }
}
