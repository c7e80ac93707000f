using Authsome.Authorization;
using Authsome.Hooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Authsome.Webhooks;

/// <summary>Registers webhooks: the outbox (as hooks, so every event reaches it), the dispatcher, the service.</summary>
internal static class WebhookRegistration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthsomeOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton<AdminAccess>();
        services.TryAddSingleton<WebhookTargetPolicy>();
        services.TryAddSingleton<WebhookService>();
        services.TryAddSingleton<WebhookOutbox>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthsomeHooks, WebhookOutbox>(sp => sp.GetRequiredService<WebhookOutbox>()));
        services.TryAddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
