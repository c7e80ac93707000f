namespace Authsome.Store;

/// <summary>A user's membership of an organization, with a role (owner, admin, member, or a custom one). One per user and organization.</summary>
public sealed record Member : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "amem";

    public required Id<Member> Id { get; init; }
    public required Id<Organization> OrgId { get; init; }
    public required Id<User> UserId { get; init; }
    public required string Role { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
