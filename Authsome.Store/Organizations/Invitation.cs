namespace Authsome.Store;

/// <summary>Where an invitation stands.</summary>
public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
    Revoked,
}

/// <summary>An invitation to join an organization, redeemed with a token stored only as a hash. It expires.</summary>
public sealed record Invitation : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "ainv";

    public required Id<Invitation> Id { get; init; }
    public required Id<Organization> OrgId { get; init; }

    /// <summary>The invitee's email, lower-cased on assignment.</summary>
    public required string Email { get; init => field = value.ToLowerInvariant(); }
    public required string Role { get; init; }
    public required Id<User> InviterId { get; init; }
    public InvitationStatus Status { get; init; } = InvitationStatus.Pending;
    public required SecretHash TokenHash { get; init; }
    public required DateTimeOffset ExpiresAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
