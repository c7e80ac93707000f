using Authsome;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The engine as Authsome's hosts run it. The Api calls it, and the Migrator compiles this same file in, so the
/// migrator always applies the migration groups of exactly the plugins the Api serves.
/// </summary>
public static class AuthsomeEngineSetup
{
    /// <summary>Adds the engine with its web parts, the store chosen by configuration (<c>ConnectionStrings:authsome</c>) and the hosts' plugins.</summary>
    public static AuthsomeBuilder AddAuthsomeEngine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Services.AddAuthsome(Configure);
    }

    /// <summary>The same engine without its web parts (no routes served): what the migrator builds.</summary>
    public static AuthsomeBuilder AddAuthsomeEngineCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Services.AddAuthsomeCore(Configure);
    }

    private static void Configure(AuthsomeBuilder authsome) =>
        authsome.UseStoreFromConfiguration().AddPassword().AddMagicLink().AddJwtTokens().AddSocial();
}
