using Authsome.Hooks;
using Authsome.Endpoints;
using Authsome.Store.Migrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Plugins.Social;

/// <summary>Sign-in, sign-up and linking through OpenID Connect and OAuth 2.0 providers; migration group <c>authsome-social</c>.</summary>
internal sealed class SocialPlugin : IAuthsomePlugin
{
    /// <summary>The plugin's name.</summary>
    public const string PluginName = "social";

    public string Name => PluginName;

    public MigrationGroup? MigrationGroup => SocialMigrations.Group;

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapSocialRoutes(routes.MapGroup(string.Empty).RequireAuthsomeSession());
}
