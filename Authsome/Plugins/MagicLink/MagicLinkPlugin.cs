using Authsome.Hooks;
using Authsome.RateLimiting;
using Authsome.Store.Migrations;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.MagicLink;

/// <summary>Passwordless sign-in by a link mailed to the address (<c>/magic-link</c>, <c>/magic-link/verify</c>); migration group <c>authsome-magic-link</c>.</summary>
internal sealed class MagicLinkPlugin : IAuthsomePlugin
{
    /// <summary>The plugin's name.</summary>
    public const string PluginName = "magic-link";

    /// <summary>The rate-limit policy of the plugin's routes (per client IP; the per-address limit is in the service).</summary>
    public const string RateLimitPolicy = "authsome.magic_link";

    public string Name => PluginName;

    public MigrationGroup? MigrationGroup => MagicLinkMigrations.Group;

    public void MapRoutes(IEndpointRouteBuilder routes) => routes.MapMagicLinkRoutes();

    /// <summary>Adds the plugin's per-client policy to the engine's rate limiter.</summary>
    internal sealed class RateLimits(IOptionsMonitor<MagicLinkOptions> options, IOptionsMonitor<AuthsomeOptions> engine) : IConfigureOptions<RateLimiterOptions>
    {
        public void Configure(RateLimiterOptions limiter) =>
            limiter.AddPolicy(RateLimitPolicy, context =>
                RateLimitingSetup.FixedWindow(context, RateLimitPolicy, engine.CurrentValue.RateLimits.Enabled, options.CurrentValue.RateLimit, perRoute: false));
    }
}
