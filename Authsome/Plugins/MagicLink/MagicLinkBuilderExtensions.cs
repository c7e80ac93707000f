using Authsome;
using Authsome.Maintenance;
using Authsome.Plugins.Federation;
using Authsome.Plugins.MagicLink;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the magic-link plugin.</summary>
public static class MagicLinkBuilderExtensions
{
    /// <summary>
    /// Adds passwordless sign-in by mailed link: <c>POST /magic-link</c> (always 202) and <c>POST /magic-link/verify</c>,
    /// settings in <c>Authsome:MagicLink</c>, migration group <c>authsome-magic-link</c>. Calling it twice is harmless.
    /// </summary>
    public static AuthsomeBuilder AddMagicLink(this AuthsomeBuilder builder, Action<MagicLinkOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.AddPlugin<MagicLinkPlugin>();
        var options = services.AddOptions<MagicLinkOptions>().BindConfiguration(MagicLinkOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        const string Section = MagicLinkOptions.SectionName;
        options
            .Validate(o => o.TokenTtl > TimeSpan.Zero && o.TokenTtl <= TimeSpan.FromHours(1), $"{Section}:TokenTtl must be more than zero and at most one hour.")
            .Validate(o => o.MaxPerEmail > 0, $"{Section}:MaxPerEmail must be at least 1.")
            .Validate(o => o.EmailWindow > TimeSpan.Zero, $"{Section}:EmailWindow must be more than zero.")
            .Validate(o => o.RateLimit.PermitLimit > 0 && o.RateLimit.Window > TimeSpan.Zero, $"{Section}:RateLimit needs a PermitLimit of at least 1 and a Window of more than zero.")
            .Validate(o => o.LinkTemplate is null || o.LinkTemplate.Contains("{token}", StringComparison.Ordinal), $"{Section}:LinkTemplate must contain {{token}}.")
            .Validate(o => o.AllowedRedirectUris.All(u => RedirectUris.IsAllowed([u], u)), $"{Section}:AllowedRedirectUris must hold absolute http(s) URIs.")
            .ValidateOnStart();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RateLimiterOptions>, MagicLinkPlugin.RateLimits>());
        services.TryAddSingleton<ExternalSignIn>();
        services.TryAddSingleton<MagicLinkService>();
        builder.AddPluginStore(MagicLinkStore.Definition);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpiredDataPurge, MagicLinkPurge>());
        return builder;
    }
}
