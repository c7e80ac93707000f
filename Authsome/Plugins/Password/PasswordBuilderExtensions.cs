using Authsome;
using Authsome.Plugins.Password;
using Authsome.Plugins.Password.History;
using Authsome.Plugins.Password.Reset;
using Authsome.Store;
using Authsome.Store.Plugins;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the password plugin.</summary>
public static class PasswordBuilderExtensions
{
    /// <summary>
    /// Adds email-and-password accounts: the routes <c>/signup</c>, <c>/signin</c>, <c>/change-password</c>,
    /// <c>/forgot-password</c> and <c>/reset-password</c>, <see cref="Authsome.Plugins.Password.IPasswordAuthentication"/> for
    /// the same from code, Argon2id hashing, the password policy and the password history (migration group
    /// <c>authsome-password</c>, kept by the store: a custom store implements <see cref="IPasswordHistoryStore"/> unless
    /// <c>Authsome:Password:HistoryLength</c> is 0), all set under <c>Authsome:Password</c>. Calling it twice is harmless.
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
        // With the history off nothing is read or written, so a custom store need not provide it.
        services.TryAddSingleton<IPasswordHistoryStore>(sp => sp.GetRequiredService<IOptions<PasswordPluginOptions>>().Value.HistoryLength == 0
            ? NoPasswordHistoryStore.Instance
            : sp.GetRequiredService<IAuthsomeStore>().GetPluginStore(PasswordHistoryStore.Definition));
        builder.AddPluginStore(PasswordHistoryStore.Definition);
        services.TryAddSingleton<PasswordHistory>();
        services.TryAddSingleton<PasswordSignUpService>();
        services.TryAddSingleton<PasswordSignInService>();
        services.TryAddSingleton<PasswordChangeService>();
        services.TryAddSingleton<PasswordResetService>();
        services.TryAddSingleton<IPasswordAuthentication, PasswordAuthentication>();
        return builder;
    }
}
