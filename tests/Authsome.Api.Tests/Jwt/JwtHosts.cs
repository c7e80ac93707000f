using Authsome.Api.Tests.Infrastructure;
using Authsome.Store;

namespace Authsome.Api.Tests.Jwt;

/// <summary>Setting an app to JWT access tokens, and giving a user a role, straight through the store.</summary>
internal static class JwtHosts
{
    public static async Task<Id<App>> UseJwtAsync(this ApiHost host)
    {
        var app = (await host.Store.Apps.GetPlatformAsync(TestContext.Current.CancellationToken))!;
        var now = DateTimeOffset.UtcNow;
        await host.Store.AppSessionConfigs.SetAsync(new AppSessionConfig
        {
            Id = Id<AppSessionConfig>.New(),
            AppId = app.Id,
            TokenFormat = TokenFormat.Jwt,
            CreatedAt = now,
            UpdatedAt = now,
        }, TestContext.Current.CancellationToken);
        return app.Id;
    }

    public static async Task GrantRoleAsync(this ApiHost host, string userId, string slug)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = (await host.Store.Apps.GetPlatformAsync(ct))!;
        var now = DateTimeOffset.UtcNow;
        var role = await host.Store.Roles.GetBySlugAsync(app.Id, slug, ct);
        if (role is null)
        {
            role = new Role { Id = Id<Role>.New(), AppId = app.Id, Name = slug, Slug = slug, CreatedAt = now, UpdatedAt = now };
            await host.Store.Roles.CreateAsync(role, ct);
        }

        await host.Store.RoleAssignments.CreateAsync(new RoleAssignment { Id = Id<RoleAssignment>.New(), UserId = Id<User>.Parse(userId), RoleId = role.Id, CreatedAt = now }, ct);
    }
}
