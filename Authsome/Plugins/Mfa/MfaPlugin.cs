using Authsome.Hooks;
using Authsome.Plugins.Mfa.Endpoints;
using Authsome.Store.Migrations;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Plugins.Mfa;

/// <summary>
/// Multi-factor authentication: TOTP authenticators (RFC 6238), single-use recovery codes, and the challenge that
/// finishes a sign-in held back by <see cref="MfaSignInGate"/>. Migration group <c>authsome-mfa</c>.
/// </summary>
internal sealed class MfaPlugin : IAuthsomePlugin
{
    /// <summary>The plugin's name.</summary>
    public const string PluginName = "mfa";

    public string Name => PluginName;

    public MigrationGroup? MigrationGroup => MfaMigrations.Group;

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapMfaRoutes();
}
