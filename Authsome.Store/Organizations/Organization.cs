using System.Collections.Immutable;

namespace Authsome.Store;

/// <summary>A group of users within an app (a company, a workspace). Its slug is unique within the app.</summary>
public sealed record Organization : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "aorg";

    public required Id<Organization> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string? Logo { get; init; }
    public ImmutableDictionary<string, string> Metadata { get; init; } = ImmutableDictionary<string, string>.Empty;
    public required Id<User> CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
