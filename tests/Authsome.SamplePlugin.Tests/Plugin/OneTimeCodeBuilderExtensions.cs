using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Authsome.SamplePlugin.Plugin;

/// <summary>Adds the sample plugin, the way a plugin package offers itself: one extension on <see cref="AuthsomeBuilder"/>.</summary>
public static class OneTimeCodeBuilderExtensions
{
    /// <summary>Adds sign-in by one-time code (routes, hooks, migration group <c>sample-one-time-code</c> and its sub-store <see cref="ISignInRecords"/>). Calling it twice is harmless.</summary>
    public static AuthsomeBuilder AddOneTimeCodes(this AuthsomeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPlugin<OneTimeCodePlugin>();
        builder.AddPluginStore(SignInRecordStore.Definition);
        builder.Services.TryAddSingleton<OneTimeCodes>();
        return builder;
    }
}
