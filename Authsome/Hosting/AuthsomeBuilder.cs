using Authsome.Hooks;
using Authsome.Hosting;
using Authsome.Store;
using Authsome.Store.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Authsome;

/// <summary>
/// Configures the engine inside <c>AddAuthsome(a => ...)</c>: which store to use, which plugins and hooks to add,
/// and code-level option overrides (applied after configuration binding).
/// </summary>
public sealed class AuthsomeBuilder
{
    internal AuthsomeBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Uses a store built by <paramref name="factory"/> (your own backend, or a shipped one configured by hand). The last store selection wins.</summary>
    public AuthsomeBuilder UseStore(Func<IServiceProvider, IAuthsomeStore> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.RemoveAll<CustomStoreFactory>();
        Services.AddSingleton(new CustomStoreFactory(factory));
        return Select(_ => new StoreConnection(StoreProviders.Custom, null));
    }

    /// <summary>Uses the in-memory store: for tests and demos (everything is lost when the process ends).</summary>
    public AuthsomeBuilder UseMemory() => Select(_ => new StoreConnection(StoreProviders.Memory, null));

    /// <summary>Uses PostgreSQL: <paramref name="connectionString"/> (<c>Host=...</c> or a <c>postgres://</c> URL), or <c>ConnectionStrings:authsome</c> when null.</summary>
    public AuthsomeBuilder UsePostgres(string? connectionString = null) => SelectWith(StoreProviders.Postgres, connectionString);

    /// <summary>Uses SQLite: <paramref name="connectionString"/> (<c>Data Source=path</c>), or <c>ConnectionStrings:authsome</c> when null.</summary>
    public AuthsomeBuilder UseSqlite(string? connectionString = null) => SelectWith(StoreProviders.Sqlite, connectionString);

    /// <summary>Uses MongoDB: <paramref name="connectionString"/> (<c>mongodb://host/database</c>), or <c>ConnectionStrings:authsome</c> when null.</summary>
    public AuthsomeBuilder UseMongo(string? connectionString = null) => SelectWith(StoreProviders.Mongo, connectionString);

    /// <summary>
    /// Picks the backend from configuration: <c>Authsome:Store:Provider</c> if set, else the form of
    /// <c>ConnectionStrings:authsome</c> (<c>Host=...</c> or <c>postgres://</c>: PostgreSQL; <c>mongodb://</c> or
    /// <c>mongodb+srv://</c>: MongoDB; <c>Data Source=...</c>: SQLite), else the embedded SQLite file <c>authsome.db</c> in
    /// the content root. This is also what happens when no store is selected.
    /// </summary>
    public AuthsomeBuilder UseStoreFromConfiguration() => Select(StoreSelection.FromConfiguration);

    private AuthsomeBuilder SelectWith(string provider, string? connectionString) =>
        Select(sp => new StoreConnection(provider, connectionString
            ?? sp.GetRequiredService<IConfiguration>().GetConnectionString("authsome")
            ?? throw new InvalidOperationException($"Use{char.ToUpperInvariant(provider[0])}{provider[1..]}() was given no connection string and ConnectionStrings:authsome is not set.")));

    internal AuthsomeBuilder Select(Func<IServiceProvider, StoreConnection> resolve)
    {
        Services.RemoveAll<StoreSelection>();
        Services.AddSingleton(new StoreSelection(resolve));
        return this;
    }

    /// <summary>Adds a plugin; a plugin that implements <see cref="IAuthsomeHooks"/> gets the hooks too. Adding the same plugin twice is harmless.</summary>
    public AuthsomeBuilder AddPlugin<TPlugin>()
        where TPlugin : class, IAuthsomePlugin
    {
        if (Services.Any(d => d.ServiceType == typeof(TPlugin)))
        {
            return this;
        }

        Services.AddSingleton<TPlugin>();
        Services.AddSingleton<IAuthsomePlugin>(sp => sp.GetRequiredService<TPlugin>());
        if (typeof(IAuthsomeHooks).IsAssignableFrom(typeof(TPlugin)))
        {
            Services.AddSingleton(sp => (IAuthsomeHooks)sp.GetRequiredService<TPlugin>());
        }

        return this;
    }

    /// <summary>
    /// Registers a plugin's sub-store (declared by <paramref name="definition"/>) as a singleton
    /// <typeparamref name="TStore"/>, resolved from the engine's store with <see cref="PluginStoreExtensions.GetPluginStore{TStore}"/>:
    /// built by a shipped store over its own database, or the custom store itself when it implements
    /// <typeparamref name="TStore"/>. The host's start fails, naming the plugin and the interface, when the store cannot
    /// provide it. Calling it twice is harmless; a plugin that can run without its sub-store (a feature turned off)
    /// registers its own <typeparamref name="TStore"/> factory first, and that one is kept and checked.
    /// </summary>
    public AuthsomeBuilder AddPluginStore<TStore>(PluginStoreDefinition<TStore> definition)
        where TStore : class
    {
        ArgumentNullException.ThrowIfNull(definition);
        Services.TryAddSingleton(sp => sp.GetRequiredService<IAuthsomeStore>().GetPluginStore(definition));
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPluginStoreRequirement, PluginStoreRequirement<TStore>>());
        PluginStoreValidator.Register(Services);
        return this;
    }

    /// <summary>Adds hooks (see <see cref="IAuthsomeHooks"/>); they run in the order added.</summary>
    public AuthsomeBuilder AddHooks<THooks>()
        where THooks : class, IAuthsomeHooks
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthsomeHooks, THooks>());
        return this;
    }

    /// <summary>Changes options in code, after the <c>Authsome</c> configuration section is bound (and before validation).</summary>
    public AuthsomeBuilder Configure(Action<AuthsomeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }
}
