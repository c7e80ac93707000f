using Authsome.Passwords;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Authsome's password hashing and password policy.</summary>
public static class PasswordsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IPasswordHasher"/> (Argon2id, with verification of imported ASP.NET Core Identity and bcrypt
    /// hashes) and <see cref="IPasswordPolicy"/>, configured from <c>Authsome:Password</c> and validated at start-up.
    /// Calling it again is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Applied after the configuration is bound, so it wins over configuration values.</param>
    public static IServiceCollection AddAuthsomePasswords(
        this IServiceCollection services, Action<AuthsomePasswordOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The old section is bound first, so a value under the new one wins.
        var options = services.AddOptions<AuthsomePasswordOptions>()
            .BindConfiguration(AuthsomePasswordOptions.LegacySectionName)
            .BindConfiguration(AuthsomePasswordOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthsomePasswordOptions>, PasswordOptionsValidator>());

        services.AddMetrics();
        services.TryAddSingleton<PasswordHashingMetrics>();
        services.TryAddSingleton<PasswordHashingGate>();
        services.TryAddSingleton<IPasswordHasher, Argon2idPasswordHasher>();
        services.TryAddSingleton<IPasswordPolicy, PasswordPolicy>();
        return services;
    }
}
