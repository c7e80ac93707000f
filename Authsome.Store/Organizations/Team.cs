namespace Authsome.Store;

/// <summary>A team within an organization; its slug is unique within the organization.</summary>
public sealed record Team : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "atm";

    public required Id<Team> Id { get; init; }
    public required Id<Organization> OrgId { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
