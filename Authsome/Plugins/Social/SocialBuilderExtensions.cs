using Authsome;
using Authsome.Maintenance;
using Authsome.Plugins.Federation;
using Authsome.Plugins.Social;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the social sign-in plugin.</summary>
public static class SocialBuilderExtensions
{
    /// <summary>
    /// Adds sign-in, sign-up and linking through identity providers configured under <c>Authsome:Social:Providers</c> (any
    /// OpenID Connect provider by its issuer, or the presets <c>google</c>, <c>microsoft</c>, <c>apple</c> and <c>github</c>):
    /// <c>GET /social/{provider}</c>, its callback, <c>POST /social/exchange</c>, <c>POST /social/{provider}/link</c>,
    /// <c>GET /me/accounts</c> and <c>DELETE /me/accounts/{id}</c>. Migration group <c>authsome-social</c>. Calling it twice is harmless.
    /// </summary>
    public static AuthsomeBuilder AddSocial(this AuthsomeBuilder builder, Action<SocialOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.AddPlugin<SocialPlugin>();
        var options = services.AddOptions<SocialOptions>().BindConfiguration(SocialOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        const string Section = SocialOptions.SectionName;
        options
            .Validate(o => o.StateTtl > TimeSpan.Zero && o.StateTtl <= TimeSpan.FromHours(1), $"{Section}:StateTtl must be more than zero and at most one hour.")
            .Validate(o => o.ExchangeCodeTtl > TimeSpan.Zero && o.ExchangeCodeTtl <= TimeSpan.FromMinutes(10), $"{Section}:ExchangeCodeTtl must be more than zero and at most ten minutes.")
            .Validate(o => o.AllowedRedirectUris.All(u => RedirectUris.IsAllowed([u], u)), $"{Section}:AllowedRedirectUris must hold absolute http(s) URIs.")
            .Validate(o => o.ProviderTimeout > TimeSpan.Zero, $"{Section}:ProviderTimeout must be more than zero.")
            .Validate(o => o.PublicBaseUrl is null || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), $"{Section}:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SocialOptions>, ProviderValidator>());

        services.AddDataProtection();
        services.TryAddSingleton<ExternalSignIn>();
        services.TryAddSingleton<SocialProviders>();
        services.TryAddSingleton<SocialService>();
        builder.AddPluginStore(SocialStores.Accounts);
        builder.AddPluginStore(SocialStores.Grants);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpiredDataPurge, SocialGrantPurge>());
        return builder;
    }

    /// <summary>Names every provider whose settings cannot work, by configuration path.</summary>
    private sealed class ProviderValidator : IValidateOptions<SocialOptions>
    {
        public ValidateOptionsResult Validate(string? name, SocialOptions options)
        {
            var problems = options.Providers
                .Select(p => ResolvedProvider.Resolve(p.Key, p.Value, out var problem) is null ? problem! : null)
                .OfType<string>()
                .ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
