using Authsome.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Hosting;

/// <summary>A store given by <c>AuthsomeBuilder.UseStore(factory)</c>.</summary>
internal sealed class CustomStoreFactory(Func<IServiceProvider, IAuthsomeStore> factory)
{
    public IAuthsomeStore Create(IServiceProvider services) => factory(services);
}

/// <summary>Builds the selected backend's store.</summary>
internal static class StoreFactory
{
    public static IAuthsomeStore Create(IServiceProvider services)
    {
        var connection = services.GetRequiredService<StoreConnection>();
        return connection.Provider switch
        {
            StoreProviders.Custom => services.GetRequiredService<CustomStoreFactory>().Create(services),
            _ => throw new InvalidOperationException($"The {connection.Provider} backend is not available in this build."),
        };
    }
}
