using Authsome;
using Authsome.Hooks;
using Authsome.Maintenance;
using Authsome.Plugins.Mfa;
using Authsome.Plugins.Mfa.Store;
using Authsome.Plugins.Mfa.Totp;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the MFA plugin.</summary>
public static class MfaBuilderExtensions
{
    /// <summary>
    /// Adds multi-factor authentication: TOTP enrollment (<c>/mfa/totp/enroll</c>, <c>/mfa/totp/confirm</c>,
    /// <c>DELETE /mfa/totp</c>), recovery codes (<c>/mfa/recovery-codes</c>) and the sign-in challenge
    /// (<c>/mfa/challenge</c>); settings in <c>Authsome:Mfa</c>, tables in the migration group <c>authsome-mfa</c>.
    /// TOTP secrets are sealed with ASP.NET Core Data Protection: configure its key ring for production (see docs/mfa.md).
    /// Calling it twice is harmless.
    /// </summary>
    public static AuthsomeBuilder AddMfa(this AuthsomeBuilder builder, Action<MfaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.AddPlugin<MfaPlugin>();
        services.AddDataProtection();

        var options = services.AddOptions<MfaOptions>().BindConfiguration(MfaOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options
            .Validate(o => !string.IsNullOrWhiteSpace(o.Issuer) && !o.Issuer.Contains(':', StringComparison.Ordinal), $"{MfaOptions.SectionName}:Issuer is required and must not contain ':'.")
            .Validate(o => o.TicketLifetime >= TimeSpan.FromMinutes(1) && o.TicketLifetime <= TimeSpan.FromMinutes(15), $"{MfaOptions.SectionName}:TicketLifetime must be between 00:01:00 and 00:15:00.")
            .Validate(o => o.TicketMaxAttempts is >= 1 and <= 10, $"{MfaOptions.SectionName}:TicketMaxAttempts must be between 1 and 10.")
            .Validate(o => o.RecoveryCodeCount is >= 5 and <= 20, $"{MfaOptions.SectionName}:RecoveryCodeCount must be between 5 and 20.")
            .Validate(o => o.AllowedDriftSteps is >= 0 and <= 2, $"{MfaOptions.SectionName}:AllowedDriftSteps must be between 0 and 2.")
            .Validate(o => o.TrustedDeviceDays is >= 0 and <= 365, $"{MfaOptions.SectionName}:TrustedDeviceDays must be between 0 and 365.")
            .ValidateOnStart();

        builder.AddPluginStore(MfaStore.Definition);
        services.TryAddSingleton<TotpSecretProtector>();
        services.TryAddSingleton<MfaTickets>();
        services.TryAddSingleton<MfaService>();
        services.TryAddSingleton<MfaTrustedDevices>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISignInGate, MfaSignInGate>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpiredDataPurge, MfaTicketPurge>());
        return builder;
    }
}
