using Authsome;
using Authsome.Maintenance;
using Authsome.Plugins.Jwt;
using Authsome.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the JWT access-token plugin.</summary>
public static class JwtBuilderExtensions
{
    /// <summary>
    /// Lets apps whose session config says <c>token_format: jwt</c> get short-lived ES256 JWT access tokens (refresh tokens
    /// stay opaque and rotating), with signing keys kept in the store (private keys encrypted by ASP.NET Core Data
    /// Protection: persist and share its key ring in production) and rotated with overlap; maps
    /// <c>/.well-known/jwks.json</c>, <c>/.well-known/openid-configuration</c> and <c>POST /introspect</c>. Settings in
    /// <c>Authsome:Jwt</c>, migration group <c>authsome-jwt</c>. Calling it twice is harmless.
    /// </summary>
    public static AuthsomeBuilder AddJwtTokens(this AuthsomeBuilder builder, Action<JwtOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.AddPlugin<JwtPlugin>();
        var options = services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        const string Section = JwtOptions.SectionName;
        options
            .Validate(o => o.Issuer is null || Uri.TryCreate(o.Issuer, UriKind.Absolute, out _), $"{Section}:Issuer must be an absolute URL.")
            .Validate(o => o.RotationInterval >= TimeSpan.FromHours(1), $"{Section}:RotationInterval must be at least one hour.")
            .Validate(o => o.PublishAhead > TimeSpan.Zero && o.PublishAhead < o.RotationInterval, $"{Section}:PublishAhead must be more than zero and less than RotationInterval.")
            .Validate(o => o.PublishAhead > o.JwksCacheMaxAge, $"{Section}:PublishAhead must be longer than JwksCacheMaxAge, or caches may not know a key when it starts signing.")
            .Validate(o => o.RetainAfterRetirement > TimeSpan.Zero, $"{Section}:RetainAfterRetirement must be more than zero.")
            .Validate(o => o.JwksCacheMaxAge >= TimeSpan.Zero, $"{Section}:JwksCacheMaxAge must not be negative.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.IntrospectionRole), $"{Section}:IntrospectionRole must name a role.")
            .ValidateOnStart();

        services.AddDataProtection();
        services.AddHttpContextAccessor();
        builder.AddPluginStore(SigningKeyStore.Definition);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpiredDataPurge, SigningKeyPurge>());
        services.TryAddSingleton<SigningKeyRing>();
        services.TryAddSingleton<JwtIssuer>();
        services.TryAddSingleton<JwtAccessTokens>();
        services.TryAddSingleton<IJwtAccessTokenMinter>(sp => sp.GetRequiredService<JwtAccessTokens>());
        services.TryAddSingleton<IntrospectionService>();
        return builder;
    }
}
