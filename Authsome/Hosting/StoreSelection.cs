using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Hosting;

/// <summary>The backend names of <c>Authsome:Store:Provider</c>.</summary>
internal static class StoreProviders
{
    public const string Postgres = "postgres";
    public const string Sqlite = "sqlite";
    public const string Mongo = "mongo";
    public const string Memory = "memory";

    /// <summary>A store given by <c>UseStore(factory)</c>.</summary>
    public const string Custom = "custom";
}

/// <summary>Which backend the engine runs on and how to reach it; plugins with their own tables use it to reach the same database.</summary>
/// <param name="Provider">One of <see cref="StoreProviders"/>.</param>
/// <param name="ConnectionString">The connection string, or null for the memory and custom stores.</param>
internal sealed record StoreConnection(string Provider, string? ConnectionString)
{
    /// <inheritdoc />
    public override string ToString() => Provider; // never the connection string: it may hold a password
}

/// <summary>How the store was selected on the builder; resolved once, when the store is first needed.</summary>
internal sealed class StoreSelection(Func<IServiceProvider, StoreConnection> resolve)
{
    public StoreConnection Resolve(IServiceProvider services) => resolve(services);

    /// <summary>
    /// The backend from configuration: <c>Authsome:Store:Provider</c> when set, else what <c>ConnectionStrings:authsome</c>
    /// looks like, else the embedded SQLite file <c>authsome.db</c> in the content root.
    /// </summary>
    public static StoreConnection FromConfiguration(IServiceProvider services)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var forced = services.GetRequiredService<IOptions<AuthsomeOptions>>().Value.Store.Provider?.ToLowerInvariant();
        var connectionString = configuration.GetConnectionString("authsome");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (forced is null or StoreProviders.Sqlite)
            {
                var path = Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, "authsome.db");
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Authsome.Store").LogEmbeddedSqlite(path);
                return new StoreConnection(StoreProviders.Sqlite, $"Data Source={path}");
            }

            return forced == StoreProviders.Memory
                ? new StoreConnection(StoreProviders.Memory, null)
                : throw new InvalidOperationException($"Authsome:Store:Provider is '{forced}' but ConnectionStrings:authsome is not set.");
        }

        return new StoreConnection(forced ?? Infer(connectionString), forced == StoreProviders.Memory ? null : connectionString);
    }

    /// <summary>The backend a connection string is for. The message never quotes the string (it may hold a password).</summary>
    public static string Infer(string connectionString)
    {
        var text = connectionString.Trim();
        if (text.StartsWith("mongodb://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase))
        {
            return StoreProviders.Mongo;
        }

        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || HasKey(text, "Host") || HasKey(text, "Server"))
        {
            return StoreProviders.Postgres;
        }

        if (HasKey(text, "Data Source") || HasKey(text, "DataSource") || HasKey(text, "Filename"))
        {
            return StoreProviders.Sqlite;
        }

        throw new InvalidOperationException(
            "ConnectionStrings:authsome is neither a PostgreSQL (Host=...), MongoDB (mongodb://...) nor SQLite (Data Source=...) connection string; set Authsome:Store:Provider to say which it is.");
    }

    private static bool HasKey(string connectionString, string key) =>
        connectionString.Split(';').Any(part => part.Split('=', 2)[0].Trim().Equals(key, StringComparison.OrdinalIgnoreCase) && part.Contains('=', StringComparison.Ordinal));
}

/// <summary>Log messages of store selection.</summary>
internal static partial class StoreSelectionLog
{
    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "No ConnectionStrings:authsome: using the embedded SQLite database at {Path}")]
    public static partial void LogEmbeddedSqlite(this ILogger logger, string path);
}

/// <summary>What configuration selects, for a host that registers its database client before the engine is built.</summary>
public static class AuthsomeStoreConfiguration
{
    /// <summary>The name of the connection string the engine's store reads (<c>ConnectionStrings:authsome</c>).</summary>
    public const string ConnectionName = "authsome";

    /// <summary>
    /// The backend <c>UseStoreFromConfiguration</c> will pick (<c>postgres</c>, <c>mongo</c>, <c>sqlite</c>, <c>memory</c>),
    /// or null when configuration does not say (the embedded SQLite file) or says something the engine will reject at start.
    /// </summary>
    public static string? Provider(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var forced = configuration["Authsome:Store:Provider"];
        if (!string.IsNullOrWhiteSpace(forced))
        {
            return forced.Trim().ToLowerInvariant();
        }

        var connectionString = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        try
        {
            return StoreSelection.Infer(connectionString);
        }
        catch (InvalidOperationException)
        {
            return null; // the engine says why when it selects the store
        }
    }
}
