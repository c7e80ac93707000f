using Authsome.Branding;
using Authsome.Endpoints;
using Authsome.Organizations.Teams;
using Authsome.Hooks;
using Authsome.Rbac;
using Microsoft.AspNetCore.Builder;
using Authsome.Store.Migrations;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Organizations;

/// <summary>
/// Organizations, members, invitations, teams, roles and permission checks: part of every engine (added by
/// <c>AddAuthsome</c>), built as a plugin over the engine's public surface.
/// </summary>
internal sealed class TenancyPlugin : IAuthsomePlugin
{
    public string Name => "tenancy";

    public MigrationGroup? MigrationGroup => TeamMemberStores.Definition.MigrationGroup;

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        var authenticated = routes.MapGroup(string.Empty).RequireAuthsomeSession();
        authenticated.MapOrganizationRoutes();
        authenticated.MapInvitationRoutes();
        authenticated.MapRbacRoutes();
        authenticated.MapTeamRoutes();
        authenticated.MapOrganizationBrandingRoutes();
    }
}
