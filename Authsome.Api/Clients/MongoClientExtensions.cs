using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Our MongoDB client integration, in the shape of Aspire's <c>AddMongoDBClient</c> (package
/// <c>Aspire.MongoDB.Driver</c>, which it stands in for because that package is not served here).
/// </summary>
public static class MongoClientExtensions
{
    /// <summary>
    /// Registers one <see cref="IMongoClient"/> for <c>ConnectionStrings:NAME</c> and the <see cref="IMongoDatabase"/> its
    /// URL names, a health check (<c>MongoDB</c>: a <c>ping</c> within <see cref="MongoClientIntegrationSettings.HealthCheckTimeout"/>),
    /// and the driver's tracing (ActivitySource <c>MongoDB.Driver</c>, without query text, which would carry personal data).
    /// </summary>
    /// <exception cref="InvalidOperationException">No connection string, or one that names no database.</exception>
    public static void AddMongoClient(this IHostApplicationBuilder builder, string connectionName, Action<MongoClientIntegrationSettings>? configureSettings = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);
        var settings = new MongoClientIntegrationSettings();
        var section = builder.Configuration.GetSection(MongoClientIntegrationSettings.SectionName);
        section.Bind(settings);
        section.GetSection(connectionName).Bind(settings);
        if (builder.Configuration.GetConnectionString(connectionName) is { } connectionString)
        {
            settings.ConnectionString = connectionString;
        }

        configureSettings?.Invoke(settings);
        var url = Parse(settings.ConnectionString, connectionName);

        builder.Services.TryAddSingleton<IMongoClient>(_ =>
        {
            var clientSettings = MongoClientSettings.FromUrl(url);
            clientSettings.ApplicationName ??= "authsome";
            clientSettings.TracingOptions = new TracingOptions { Disabled = settings.DisableTracing, QueryTextMaxLength = 0 };
            return new MongoClient(clientSettings);
        });
        builder.Services.TryAddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(url.DatabaseName));

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                "MongoDB",
                sp => new MongoHealthCheck(sp.GetRequiredService<IMongoClient>()),
                failureStatus: null,
                tags: null,
                timeout: settings.HealthCheckTimeout));
        }

        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(TelemetrySources.MongoDriver));
        }
    }

    private static MongoUrl Parse(string? connectionString, string connectionName)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"MongoDB client '{connectionName}': set ConnectionStrings:{connectionName} or {MongoClientIntegrationSettings.SectionName}:ConnectionString.");
        }

        MongoUrl url;
        try
        {
            url = MongoUrl.Create(connectionString);
        }
        catch (Exception exception) when (exception is MongoConfigurationException or FormatException or ArgumentException)
        {
            // The driver's message can quote the URL, password included.
            throw new InvalidOperationException($"MongoDB client '{connectionName}': the connection string is not a valid mongodb:// or mongodb+srv:// URL.");
        }

        return string.IsNullOrWhiteSpace(url.DatabaseName)
            ? throw new InvalidOperationException($"MongoDB client '{connectionName}': the connection string names no database (mongodb://host/<database>).")
            : url;
    }
}
