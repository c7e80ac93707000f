using System.Collections.Immutable;

namespace Authsome.Store;

/// <summary>
/// An application whose users Authsome authenticates. Everything else (users, sessions, organizations,
/// keys, ...) belongs to one app and goes when the app is deleted. The platform app is the one Authsome
/// itself runs as.
/// </summary>
public sealed record App : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "aapp";

    public required Id<App> Id { get; init; }
    public required string Name { get; init; }

    /// <summary>Unique among apps.</summary>
    public required string Slug { get; init; }
    public string? Logo { get; init; }

    /// <summary>A public identifier clients send; unique among apps.</summary>
    public required string PublishableKey { get; init; }
    public bool IsPlatform { get; init; }
    public ImmutableDictionary<string, string> Metadata { get; init; } = ImmutableDictionary<string, string>.Empty;
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
