using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Authsome.Devices;

/// <summary>Registers devices: recorded at sign-in, and the session binding rules.</summary>
internal static class DeviceRegistration
{
    public static IServiceCollection AddDevices(this IServiceCollection services)
    {
        services.TryAddSingleton<DeviceService>();
        services.TryAddSingleton<SessionBindingPolicy>();
        return services;
    }
}
