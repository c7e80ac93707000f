using Authsome.Hooks;
using Authsome.Endpoints;
using Authsome.Store.Migrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Plugins.Jwt;

/// <summary>
/// JWT access tokens for apps whose session config says <c>token_format: jwt</c>: the signing keys (group
/// <c>authsome-jwt</c>), <c>/.well-known/jwks.json</c>, <c>/.well-known/openid-configuration</c> and <c>/introspect</c>.
/// </summary>
internal sealed class JwtPlugin : IAuthsomePlugin
{
    /// <summary>The plugin's name.</summary>
    public const string PluginName = "jwt";

    public string Name => PluginName;

    public MigrationGroup? MigrationGroup => JwtMigrations.Group;

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapJwtRoutes(routes.MapGroup(string.Empty).RequireAuthsomeSession());
}
