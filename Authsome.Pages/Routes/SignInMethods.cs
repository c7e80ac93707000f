using Authsome.Plugins.MagicLink;
using Authsome.Plugins.Passkeys;
using Authsome.Plugins.Social;
using Authsome.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Pages.Routes;

/// <summary>A social provider's button on the sign-in page.</summary>
/// <param name="Name">The provider's configured name (its route).</param>
/// <param name="DisplayName">What the button says after "Continue with".</param>
public sealed record SocialButton(string Name, string DisplayName);

/// <summary>
/// The ways to sign in besides the password that the sign-in page offers: each only when its plugin is added and the
/// app's client config does not turn it off (passkeys: when the plugin is added; the button then shows only in a browser
/// with WebAuthn).
/// </summary>
internal static class SignInMethods
{
    public static async Task<(bool MagicLink, IReadOnlyList<SocialButton> Social, bool Passkeys)> OfferedAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var engine = services.GetRequiredService<IAuthsomeEngine>();
        var app = await engine.GetAppAsync(context.RequestAborted);
        var config = await services.GetRequiredService<IAuthsomeStore>().AppClientConfigs.GetAsync(app.AppId, context.RequestAborted);
        var magicLink = services.GetService<MagicLinkService>() is not null && config?.MagicLinkEnabled != false;
        IReadOnlyList<SocialButton> social = services.GetService<SocialService>() is { } socialService
            ? [.. (await socialService.OfferedProvidersAsync(context.RequestAborted)).Select(p => new SocialButton(p.Name, p.DisplayName))]
            : [];
        return (magicLink, social, services.GetService<PasskeyService>() is not null);
    }
}
