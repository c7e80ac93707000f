using Authsome;
using Authsome.Plugins.Passkeys;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The engine as Authsome's hosts run it. The Api calls it, and the Migrator compiles this same file in, so the
/// migrator always applies the migration groups of exactly the plugins the Api serves.
/// </summary>
public static class AuthsomeEngineSetup
{
    /// <summary>Adds the engine with the store chosen by configuration (<c>ConnectionStrings:authsome</c>) and the hosts' plugins: password and MFA always, passkeys when <c>Authsome:Passkeys</c> is configured.</summary>
    public static AuthsomeBuilder AddAuthsomeEngine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Services.AddAuthsome(authsome =>
        {
            authsome.UseStoreFromConfiguration().AddPassword().AddMfa();
            // Passkeys are bound to a domain the operator names; without it they stay off.
            if (builder.Configuration.GetSection(PasskeyOptions.SectionName).Exists())
            {
                authsome.AddPasskeys();
            }
        });
    }
}
