using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Authsome.ApiKeys;

/// <summary>Registers API keys: the service, the last-used recorder, and the scheme's key check.</summary>
internal static class ApiKeyRegistration
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthsomeOptions>, ApiKeyOptionsValidator>());
        services.TryAddSingleton<ApiKeyUsage>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyUsage>());
        services.TryAddSingleton<ApiKeyService>();
        return services;
    }
}
