using System.Collections.Immutable;

namespace Authsome.Store;

/// <summary>The kind of an environment.</summary>
public enum EnvironmentType
{
    Development,
    Staging,
    Production,
}

/// <summary>
/// An isolated environment of an app (development, staging, production): users and sessions of one
/// environment are invisible to another. Every app has exactly one default environment once it has any.
/// </summary>
public sealed record AppEnvironment : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "aenv";

    public required Id<AppEnvironment> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required string Name { get; init; }

    /// <summary>Unique within the app.</summary>
    public required string Slug { get; init; }
    public required EnvironmentType Type { get; init; }
    public bool IsDefault { get; init; }

    /// <summary>Settings this environment overrides (key to JSON value).</summary>
    public ImmutableDictionary<string, string> Settings { get; init; } = ImmutableDictionary<string, string>.Empty;
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
