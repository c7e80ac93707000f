using Authsome.Endpoints;
using Authsome.Hooks;
using Authsome.Plugins.Password.Endpoints;
using Authsome.Store.Migrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Plugins.Password;

/// <summary>
/// Email-and-password accounts: sign-up, sign-in, change, forgot and reset password. Its migration group
/// <c>authsome-password</c> holds the password history that refuses reusing a recent password.
/// </summary>
internal sealed class PasswordPlugin : IAuthsomePlugin
{
    /// <summary>The plugin's name.</summary>
    public const string PluginName = "password";

    public string Name => PluginName;

    public MigrationGroup? MigrationGroup => PasswordMigrations.Group;

    public void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapSignUpRoutes();
        routes.MapPasswordRoutes(routes.MapGroup(string.Empty).RequireAuthsomeSession());
    }
}
