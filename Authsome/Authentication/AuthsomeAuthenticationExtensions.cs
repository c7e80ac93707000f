using Authsome.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Makes the Authsome scheme the application's default, so <c>[Authorize]</c> and <c>RequireAuthorization()</c> use it.</summary>
public static class AuthsomeAuthenticationExtensions
{
    /// <summary>
    /// Makes <c>Authsome</c> the default authentication scheme and adds authorization. <c>AddAuthsome()</c> registers
    /// the scheme itself (the engine's own routes use it); call this when the application's endpoints should too.
    /// </summary>
    public static AuthenticationBuilder AddAuthsomeAuthentication(this IServiceCollection services, Action<AuthsomeAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configure is not null)
        {
            services.Configure(AuthsomeAuthenticationDefaults.AuthenticationScheme, configure);
        }

        services.AddAuthorization();
        return services.AddAuthentication(AuthsomeAuthenticationDefaults.AuthenticationScheme);
    }

    internal static AuthenticationBuilder AddAuthsomeScheme(this AuthenticationBuilder builder) =>
        builder.AddScheme<AuthsomeAuthenticationOptions, AuthsomeAuthenticationHandler>(AuthsomeAuthenticationDefaults.AuthenticationScheme, displayName: "Authsome session", configureOptions: null);
}
