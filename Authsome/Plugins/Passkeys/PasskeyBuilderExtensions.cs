using Authsome;
using Authsome.Maintenance;
using Authsome.Plugins.Passkeys;
using Authsome.Plugins.Passkeys.Store;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the passkey plugin.</summary>
public static class PasskeyBuilderExtensions
{
    /// <summary>
    /// Adds passkeys (WebAuthn): <c>/passkeys/register/options|verify</c> for signed-in users,
    /// <c>/passkeys/signin/options|verify</c> (discoverable credentials; satisfies MFA), and <c>GET/PATCH/DELETE
    /// /passkeys</c>. Settings in <c>Authsome:Passkeys</c> (the relying party id and the allowed origins are required),
    /// tables in the migration group <c>authsome-passkey</c>. Calling it twice is harmless.
    /// </summary>
    public static AuthsomeBuilder AddPasskeys(this AuthsomeBuilder builder, Action<PasskeyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.AddPlugin<PasskeyPlugin>();

        var options = services.AddOptions<PasskeyOptions>().BindConfiguration(PasskeyOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        const string section = PasskeyOptions.SectionName;
        options
            .Validate(o => !string.IsNullOrWhiteSpace(o.RelyingPartyId) && !o.RelyingPartyId.Contains("://", StringComparison.Ordinal),
                $"{section}:RelyingPartyId is required: the site's domain (e.g. example.com), not a URL.")
            .Validate(o => o.Origins.Count > 0 && o.Origins.All(IsOrigin),
                $"{section}:Origins needs at least one origin, each scheme://host[:port] with no path (e.g. https://app.example.com).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.RelyingPartyName), $"{section}:RelyingPartyName must not be empty.")
            .Validate(o => o.ChallengeLifetime >= TimeSpan.FromSeconds(30) && o.ChallengeLifetime <= TimeSpan.FromMinutes(10),
                $"{section}:ChallengeLifetime must be between 00:00:30 and 00:10:00.")
            .ValidateOnStart();

        builder.AddPluginStore(PasskeyStore.Definition);
        services.TryAddSingleton<PasskeyService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpiredDataPurge, PasskeyChallengePurge>());
        return builder;
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && !origin.EndsWith('/');
}
