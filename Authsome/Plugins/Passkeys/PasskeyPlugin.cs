using Authsome.Hooks;
using Authsome.Plugins.Passkeys.Endpoints;
using Authsome.Store.Migrations;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Plugins.Passkeys;

/// <summary>Passkeys (WebAuthn): registration, discoverable sign-in that satisfies MFA, and management. Migration group <c>authsome-passkey</c>.</summary>
internal sealed class PasskeyPlugin : IAuthsomePlugin
{
    /// <summary>The plugin's name.</summary>
    public const string PluginName = "passkey";

    public string Name => PluginName;

    public MigrationGroup? MigrationGroup => PasskeyMigrations.Group;

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapPasskeyRoutes();
}
