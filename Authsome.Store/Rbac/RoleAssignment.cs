namespace Authsome.Store;

/// <summary>Gives a user a role, everywhere in the app (no organization) or within one organization. Unique per (user, role, organization).</summary>
public sealed record RoleAssignment : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "aura";

    public required Id<RoleAssignment> Id { get; init; }
    public required Id<User> UserId { get; init; }
    public required Id<Role> RoleId { get; init; }
    public Id<Organization>? OrgId { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
}
