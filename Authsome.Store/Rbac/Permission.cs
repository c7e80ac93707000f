namespace Authsome.Store;

/// <summary>
/// Allows an action on a resource to holders of a role. Either may be <c>*</c> (anything); a resource ending
/// in <c>*</c> (e.g. <c>documents:*</c>) matches every resource that starts with what precedes it.
/// Unique per (role, action, resource).
/// </summary>
public sealed record Permission : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "aprm";

    public required Id<Permission> Id { get; init; }
    public required Id<Role> RoleId { get; init; }
    public required string Action { get; init; }
    public required string Resource { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
}
