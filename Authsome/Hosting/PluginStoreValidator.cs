using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Authsome.Hosting;

/// <summary>A plugin sub-store registered with <c>AuthsomeBuilder.AddPluginStore</c>, to be resolved at start-up.</summary>
internal interface IPluginStoreRequirement
{
    /// <summary>Resolves the sub-store; throws (naming the plugin and the interface) when the store cannot provide it.</summary>
    void Check();
}

/// <summary>Requires <typeparamref name="TStore"/> to resolve.</summary>
internal sealed class PluginStoreRequirement<TStore>(IServiceProvider services) : IPluginStoreRequirement
    where TStore : class
{
    public void Check() => services.GetRequiredService<TStore>();
}

/// <summary>
/// Resolves every plugin sub-store when the host starts, before anything else starts (migrations included), so a
/// store that lacks one stops the start with a message naming the plugin, instead of failing the first request.
/// </summary>
internal sealed class PluginStoreValidator(IEnumerable<IPluginStoreRequirement> requirements) : IHostedService
{
    public static void Register(IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(PluginStoreValidator)))
        {
            // Hosted services start in registration order: first, ahead of the engine's start-up.
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, PluginStoreValidator>());
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var requirement in requirements)
        {
            requirement.Check();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
