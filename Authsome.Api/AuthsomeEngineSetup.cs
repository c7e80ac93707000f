using Authsome;
using Authsome.Plugins.Passkeys;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The engine as Authsome's hosts run it. The Api calls it, and the Migrator compiles this same file in, so the
/// migrator always applies the migration groups of exactly the plugins the Api serves.
/// </summary>
public static class AuthsomeEngineSetup
{
    /// <summary>
    /// Adds the engine with its web parts, the store chosen by configuration (<c>ConnectionStrings:authsome</c>), its
    /// database client (<see cref="StoreClientExtensions.AddAuthsomeStoreClient"/>), and the hosts' plugins (password and MFA; passkeys when <c>Authsome:Passkeys</c> is configured).
    /// </summary>
    public static AuthsomeBuilder AddAuthsomeEngine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAuthsomeStoreClient();
        return builder.Services.AddAuthsome(Configure(builder.Configuration));
    }

    /// <summary>The same engine and database client without its web parts (no routes served): what the migrator builds.</summary>
    public static AuthsomeBuilder AddAuthsomeEngineCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddAuthsomeStoreClient();
        return builder.Services.AddAuthsomeCore(Configure(builder.Configuration));
    }

    // Password, MFA and the federation plugins always; passkeys are bound to a domain the operator names, so without Authsome:Passkeys they stay off.
    private static Action<AuthsomeBuilder> Configure(IConfiguration configuration) => authsome =>
    {
        authsome.UseStoreFromConfiguration().AddPassword().AddMfa().AddMagicLink().AddJwtTokens().AddSocial();
        if (configuration.GetSection(PasskeyOptions.SectionName).Exists())
        {
            authsome.AddPasskeys();
        }
    };
}
