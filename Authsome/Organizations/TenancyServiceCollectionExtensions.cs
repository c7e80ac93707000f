using Authsome.Admin;
using Authsome.Branding;
using Authsome.Organizations.Teams;
using Authsome.Rbac;
using Authsome.Rbac.Authorization;
using Authsome.Store;
using Authsome.Store.Plugins;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Authsome.Organizations;

/// <summary>Registers organizations and RBAC with the engine.</summary>
internal static class TenancyServiceCollectionExtensions
{
    public static AuthsomeBuilder AddTenancy(this AuthsomeBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OrganizationOptions>().BindConfiguration(OrganizationOptions.SectionName)
            .Validate(o => o.InvitationTtl >= TimeSpan.FromHours(1) && o.InvitationTtl <= TimeSpan.FromDays(30), $"{OrganizationOptions.SectionName}:InvitationTtl must be between 01:00:00 and 30.00:00:00.")
            .Validate(o => o.InvitationLinkTemplate is null || (o.InvitationLinkTemplate.StartsWith("https://", StringComparison.Ordinal) && o.InvitationLinkTemplate.Contains("{token}", StringComparison.Ordinal)),
                $"{OrganizationOptions.SectionName}:InvitationLinkTemplate must be an https URL containing {{token}}.")
            .ValidateOnStart();
        services.TryAddSingleton<TenancyEventPublisher>();
        services.TryAddSingleton<RoleCatalog>();
        services.TryAddSingleton<PermissionService>();
        services.TryAddSingleton<OrganizationAccess>();
        services.TryAddSingleton<OrganizationService>();
        services.TryAddSingleton<MemberService>();
        services.TryAddSingleton<InvitationService>();
        services.TryAddSingleton<RoleService>();
        services.AddHttpContextAccessor();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, PermissionAuthorizationHandler>());
        // Resolved on first use, not checked at start: a custom store without team membership still runs everything else.
        services.TryAddSingleton(sp => sp.GetRequiredService<IAuthsomeStore>().GetPluginStore(TeamMemberStores.Definition));
        services.TryAddSingleton<TeamService>();
        services.TryAddSingleton<OrganizationBrandings>();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.SectionName);
        services.TryAddSingleton<PlatformAdmins>();
        services.TryAddSingleton<IPlatformAdmins>(sp => sp.GetRequiredService<PlatformAdmins>());
        services.TryAddSingleton<AdminAccess>();
        return builder.AddPlugin<TenancyPlugin>().AddPlugin<AdminPlugin>();
    }
}
