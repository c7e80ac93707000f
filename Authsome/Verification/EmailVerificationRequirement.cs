using Authsome.Apps;
using Authsome.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Authsome.Verification;

/// <summary>
/// Whether sign-in waits for a verified email: the app's client config decides if it says; else
/// <c>Authsome:SignIn:RequireEmailVerification</c>; else required everywhere except the Development environment.
/// </summary>
internal sealed class EmailVerificationRequirement(AppConfigCache configs, IOptionsMonitor<AuthsomeOptions> options, IHostEnvironment environment)
{
    public async ValueTask<bool> IsRequiredAsync(Id<App> appId, CancellationToken cancellationToken)
    {
        var config = await configs.GetClientConfigAsync(appId, cancellationToken);
        return config?.RequireEmailVerification
            ?? options.CurrentValue.SignIn.RequireEmailVerification
            ?? !environment.IsDevelopment();
    }
}
