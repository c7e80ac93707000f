using Authsome;
using Authsome.Accounts;
using Authsome.ApiKeys;
using Authsome.Devices;
using Authsome.Apps;
using Authsome.Engine;
using Authsome.Health;
using Authsome.Hooks;
using Authsome.Hosting;
using Authsome.Json;
using Authsome.Lockout;
using Authsome.Maintenance;
using Authsome.Messaging;
using Authsome.Migrations;
using Authsome.Organizations;
using Authsome.RateLimiting;
using Authsome.Sessions;
using Authsome.Telemetry;
using Authsome.Verification;
using Authsome.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Authsome engine.</summary>
public static class AuthsomeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine for a web host: <see cref="AddAuthsomeCore"/> plus what serving its routes needs (the
    /// <c>Authsome</c> authentication scheme and authorization, rate limits, ProblemDetails, and the minimal-API JSON
    /// conventions of snake_case names and enums). Calling it twice adds nothing twice.
    /// </summary>
    public static AuthsomeBuilder AddAuthsome(this IServiceCollection services, Action<AuthsomeBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddAuthsomeCore(configure);
        if (!services.Any(d => d.ServiceType == typeof(AuthsomeMiddlewareMarker)))
        {
            AddWeb(services);
        }

        return builder;
    }

    /// <summary>
    /// Adds the engine without its web parts, for hosts that serve no routes (the migrator, workers, tests): options
    /// bound from <c>Authsome</c> and validated at start, the store chosen in <paramref name="configure"/>, the public
    /// <see cref="IAuthsomeEngine"/>, sessions, accounts, verification, lockout, mail, the <c>authsome-store</c> health
    /// check, telemetry, the migrator, and the start-up that migrates (unless <c>Authsome:MigrateOnStart</c> is false)
    /// and creates the platform app. Every registration can be built in a plain generic host. Calling it twice adds
    /// nothing twice.
    /// </summary>
    public static AuthsomeBuilder AddAuthsomeCore(this IServiceCollection services, Action<AuthsomeBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new AuthsomeBuilder(services);
        if (!services.Any(d => d.ServiceType == typeof(StoreSelection)))
        {
            AddCore(services);
            builder.AddTenancy();
        }

        configure?.Invoke(builder);
        return builder;
    }

    private static void AddCore(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new StoreSelection(StoreSelection.FromConfiguration));
        services.AddSingleton(sp => sp.GetRequiredService<StoreSelection>().Resolve(sp));
        services.AddSingleton(StoreFactory.Create);
        services.AddOptions<AuthsomeOptions>().BindConfiguration(AuthsomeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthsomeOptions>, AuthsomeOptionsValidator>());
        services.AddMetrics();

        services.TryAddSingleton<AuthsomeMetrics>();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<AppResolver>();
        services.TryAddSingleton<AppConfigCache>();
        services.TryAddSingleton<HookRunner>();
        services.TryAddSingleton<UnitOfWork>();
        services.TryAddSingleton<SessionService>();
        services.TryAddSingleton<AccountService>();
        services.TryAddSingleton<SignInService>();
        services.TryAddSingleton<IAuthsomeEngine, AuthsomeEngine>();
        services.TryAddSingleton<EmailVerificationRequirement>();
        services.TryAddSingleton<VerificationService>();
        services.TryAddSingleton<VerificationCodeHasher>();
        services.TryAddSingleton<LockoutService>();
        services.TryAddSingleton<ReauthenticationService>();
        services.AddAuthsomeEmail();
        services.TryAddSingleton<EmailOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailOutbox>());
        services.TryAddSingleton<OffRequestWork>();
        services.AddHostedService(sp => sp.GetRequiredService<OffRequestWork>());

        services.AddApiKeys();
        services.AddWebhooks();
        services.AddDevices();

        services.TryAddSingleton<IAuthsomeMigrator, AuthsomeMigrator>();
        services.AddHostedService<AuthsomeStartup>();
        services.AddHostedService<ExpiredDataPurger>();
        services.TryAddSingleton<AuthsomeStoreHealthCheck>();
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            AuthsomeStoreHealthCheck.Name, sp => sp.GetRequiredService<AuthsomeStoreHealthCheck>(), HealthStatus.Unhealthy, ["ready"]));
    }

    private static void AddWeb(IServiceCollection services)
    {
        services.AddSingleton<AuthsomeMiddlewareMarker>();
        services.ConfigureHttpJsonOptions(o => AuthsomeJson.Apply(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddRateLimiter(_ => { });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RateLimiterOptions>, RateLimitingSetup>());
        services.AddAuthorization();
        services.AddAuthentication().AddAuthsomeScheme();
    }
}
