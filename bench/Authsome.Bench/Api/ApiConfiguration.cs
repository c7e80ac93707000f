using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Authsome.Bench.Api;

/// <summary>
/// How the benchmark configures the API, as environment variables: Production-like (Release, no Development
/// environment, default session, lockout and Argon2id settings from <c>appsettings.json</c>) with three documented
/// exceptions a load generator needs.
/// </summary>
internal static class ApiConfiguration
{
    /// <summary>
    /// Not Development (which would change the engine's defaults) and not Production, whose start-up refuses to run
    /// without an SMTP server; mail goes to the development sender's folder instead, off the request path.
    /// </summary>
    public const string EnvironmentName = "Benchmark";

    /// <summary>
    /// Rate limits stay in the pipeline (their cost is measured) but allow this many requests (the most the engine
    /// accepts) per <see cref="RelaxedWindow"/>: far above what this load can send.
    /// </summary>
    public const int RelaxedPermitLimit = 1_000_000;

    /// <summary>The shortest window the engine accepts.</summary>
    public const string RelaxedWindow = "00:00:01";

    private static readonly string[] s_rateLimitRules = ["General", "SignIn", "SignUp", "Refresh", "PasswordReset", "Verification"];

    public static Dictionary<string, string> Environment(string connectionString, Uri baseAddress, string mailDirectory)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = EnvironmentName,
            ["ASPNETCORE_URLS"] = baseAddress.GetLeftPart(UriPartial.Authority),
            ["ConnectionStrings__authsome"] = connectionString,
            // Sign-in must not wait for a verification mail nobody reads (the engine requires it outside Development).
            ["Authsome__SignIn__RequireEmailVerification"] = "false",
            ["Authsome__Email__PickupDirectory"] = mailDirectory,
            // The development sender logs every mail body at Information; a mail per sign-up would flood the log.
            ["Logging__LogLevel__Authsome.Email"] = "Warning",
        };
        foreach (var rule in s_rateLimitRules)
        {
            environment[$"Authsome__RateLimits__{rule}__PermitLimit"] = RelaxedPermitLimit.ToString(CultureInfo.InvariantCulture);
            environment[$"Authsome__RateLimits__{rule}__Window"] = RelaxedWindow;
        }

        return environment;
    }

    /// <summary>
    /// The configuration the API sees (its appsettings files plus <paramref name="environment"/>), so that the driver's
    /// own hashing measurement uses exactly the API's Argon2id parameters.
    /// </summary>
    public static IConfiguration Load(string apiDirectory, IReadOnlyDictionary<string, string> environment) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(apiDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(apiDirectory, $"appsettings.{EnvironmentName}.json"), optional: true)
            .AddInMemoryCollection(environment.Select(p => KeyValuePair.Create(p.Key.Replace("__", ":", StringComparison.Ordinal), (string?)p.Value)))
            .Build();
}
