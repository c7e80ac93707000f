using Authsome;
using Authsome.Plugins.Password;
using Authsome.Plugins.Password.History;
using Authsome.Plugins.Password.Reset;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the password plugin.</summary>
public static class PasswordBuilderExtensions
{
    /// <summary>
    /// Adds email-and-password accounts: the routes <c>/signup</c>, <c>/signin</c>, <c>/change-password</c>,
    /// <c>/forgot-password</c> and <c>/reset-password</c>, <see cref="Authsome.Plugins.Password.IPasswordAuthentication"/> for
    /// the same from code, Argon2id hashing, the password policy and the password history (migration group
    /// <c>authsome-password</c>), all set under <c>Authsome:Password</c>. Calling it twice is harmless.
    /// </summary>
    public static AuthsomeBuilder AddPassword(this AuthsomeBuilder builder, Action<PasswordPluginOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.AddPlugin<PasswordPlugin>();
        services.AddAuthsomePasswords();

        var options = services.AddOptions<PasswordPluginOptions>().BindConfiguration(PasswordPluginOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.HistoryLength is >= 0 and <= 24, $"{PasswordPluginOptions.SectionName}:HistoryLength must be between 0 and 24.").ValidateOnStart();

        services.TryAddSingleton<PasswordService>();
        services.TryAddSingleton(PasswordHistoryStoreFactory.Create);
        services.TryAddSingleton<PasswordHistory>();
        services.TryAddSingleton<PasswordSignUpService>();
        services.TryAddSingleton<PasswordSignInService>();
        services.TryAddSingleton<PasswordChangeService>();
        services.TryAddSingleton<PasswordResetService>();
        services.TryAddSingleton<IPasswordAuthentication, PasswordAuthentication>();
        return builder;
    }
}
