namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Settings of <see cref="MongoClientExtensions.AddMongoClient"/>, bound from the <c>MongoDB:Client</c> section, then
/// <c>MongoDB:Client:NAME</c>; <c>ConnectionStrings:NAME</c> wins over <see cref="ConnectionString"/>.
/// </summary>
public sealed class MongoClientIntegrationSettings
{
    /// <summary>The configuration section the settings are bound from.</summary>
    public const string SectionName = "MongoDB:Client";

    /// <summary>A <c>mongodb://</c> or <c>mongodb+srv://</c> URL; its path names the database.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether to leave out the health check (a <c>ping</c> to the server). Default: false.</summary>
    public bool DisableHealthChecks { get; set; }

    /// <summary>How long the health check's ping may take. Default: 5 seconds.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether to leave out the driver's OpenTelemetry tracing (ActivitySource <c>MongoDB.Driver</c>). Default: false.</summary>
    public bool DisableTracing { get; set; }
}
