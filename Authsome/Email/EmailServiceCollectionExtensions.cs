using Authsome.Email;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Authsome's mail sender.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IEmailSender"/>, configured from <c>Authsome:Email</c> and validated at start-up: the SMTP
    /// sender when <c>Authsome:Email:Smtp:Host</c> is set, else the development sender (log and <c>.eml</c> files).
    /// In the Production environment a start without SMTP fails. Calling it again is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Applied after the configuration is bound, so it wins over configuration values.</param>
    public static IServiceCollection AddAuthsomeEmail(
        this IServiceCollection services, Action<AuthsomeEmailOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<AuthsomeEmailOptions>().BindConfiguration(AuthsomeEmailOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthsomeEmailOptions>, EmailOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DevelopmentEmailSender>();
        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<IEmailSender>(provider =>
            provider.GetRequiredService<IOptions<AuthsomeEmailOptions>>().Value.Smtp.IsConfigured
                ? provider.GetRequiredService<SmtpEmailSender>()
                : provider.GetRequiredService<DevelopmentEmailSender>());
        return services;
    }
}
