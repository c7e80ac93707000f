namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The ActivitySource and Meter names of the libraries Authsome runs on, listened to by
/// <see cref="TelemetryExtensions.ConfigureOpenTelemetry{TBuilder}"/>. Plain names rather than the libraries' own
/// constants, so ServiceDefaults does not depend on every database driver.
/// </summary>
public static class TelemetrySources
{
    /// <summary>The engine's ActivitySource and Meter (<c>Authsome.AuthsomeTelemetry.Name</c>).</summary>
    public const string Authsome = "Authsome";

    /// <summary>Npgsql's built-in ActivitySource and Meter.</summary>
    public const string Npgsql = "Npgsql";

    /// <summary>The MongoDB driver's ActivitySource (<c>MongoDB.Driver.MongoTelemetry.ActivitySourceName</c>); it has no Meter.</summary>
    public const string MongoDriver = "MongoDB.Driver";

    /// <summary>Every ActivitySource traced besides the host's own.</summary>
    public static IReadOnlyList<string> ActivitySources { get; } = [Authsome, Npgsql, MongoDriver];

    /// <summary>Every Meter collected besides ASP.NET Core's, HttpClient's and the runtime's.</summary>
    public static IReadOnlyList<string> Meters { get; } = [Authsome, Npgsql];
}
