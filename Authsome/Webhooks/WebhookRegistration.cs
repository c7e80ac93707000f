using Authsome.Authorization;
using Authsome.Hooks;
using Authsome.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Authsome.Webhooks;

/// <summary>Registers webhooks: the outbox (as hooks, so every event reaches it), the dispatcher, the service.</summary>
internal static class WebhookRegistration
{
    /// <summary>
    /// The key of the signal by which writers of deliveries wake this process's dispatcher. A service of its own, so the
    /// writers do not depend on the dispatcher and the mail it sends: a process that only records events (the migrator
    /// granting an administrator) then needs no mail settings.
    /// </summary>
    public const string WakeUpKey = "authsome-webhooks";

    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthsomeOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton<AdminAccess>();
        services.TryAddSingleton<WebhookTargetPolicy>();
        services.TryAddSingleton<WebhookService>();
        services.TryAddKeyedSingleton<OutboxSignal>(WakeUpKey);
        services.TryAddSingleton<WebhookOutbox>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthsomeHooks, WebhookOutbox>(sp => sp.GetRequiredService<WebhookOutbox>()));
        services.TryAddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
