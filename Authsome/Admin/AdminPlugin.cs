using Authsome.Apps;
using Authsome.Endpoints;
using Authsome.Hooks;
using Authsome.Store;
using Authsome.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Authsome.Admin;

/// <summary>
/// The admin API (<c>/admin/...</c>) and the bootstrap of platform administrators from
/// <see cref="BootstrapOptions.AdminEmails"/>: at start for existing users, and when such a user signs up or verifies.
/// </summary>
internal sealed class AdminPlugin(
    IAuthsomeStore store,
    AppResolver apps,
    IServiceProvider services,
    EmailVerificationRequirement verification,
    IOptions<BootstrapOptions> bootstrap) : IAuthsomePlugin, IAuthsomeHooks
{
    public string Name => "admin";

    public async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        if (bootstrap.Value.AdminEmails.Count == 0)
        {
            return;
        }

        var platform = await apps.GetDefaultAsync(cancellationToken);
        foreach (var email in bootstrap.Value.AdminEmails)
        {
            if (await store.Users.GetByEmailAsync(platform.AppId, platform.EnvId, email.Trim().ToLowerInvariant(), cancellationToken) is { } user)
            {
                await GrantIfListedAsync(user, cancellationToken);
            }
        }
    }

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin").RequireAuthsomeSession();
        admin.MapAdminAppRoutes();
        admin.MapAdminUserRoutes();
        admin.MapAdminSettingsRoutes();
        admin.MapAdminFormRoutes();
        admin.MapAdminBrandingRoutes();
    }

    public async ValueTask AfterUserCreateAsync(User user, CancellationToken cancellationToken) => await GrantIfListedAsync(user, cancellationToken);

    public async ValueTask AfterUserUpdateAsync(User user, CancellationToken cancellationToken) => await GrantIfListedAsync(user, cancellationToken);

    private async ValueTask GrantIfListedAsync(User user, CancellationToken cancellationToken)
    {
        if (!bootstrap.Value.AdminEmails.Any(e => string.Equals(e.Trim(), user.Email, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var platform = await apps.GetDefaultAsync(cancellationToken);
        if (user.AppId == platform.AppId && user.EnvId == platform.EnvId
            && (user.EmailVerified || !await verification.IsRequiredAsync(user.AppId, cancellationToken)))
        {
            // Resolved here, not injected: the grant raises hooks, and this plugin is one of them.
            await services.GetRequiredService<PlatformAdmins>().GrantAsync(user, cancellationToken);
        }
    }
}
