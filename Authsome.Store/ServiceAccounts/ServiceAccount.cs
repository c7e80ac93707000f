using System.Collections.Immutable;

namespace Authsome.Store;

/// <summary>A non-human principal of an app (a backend job, an integration) that authenticates with API keys.</summary>
public sealed record ServiceAccount : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "asvc";

    public required Id<ServiceAccount> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public ImmutableArray<string> Scopes { get; init; } = [];
    public bool Disabled { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
