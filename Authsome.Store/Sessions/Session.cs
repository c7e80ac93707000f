namespace Authsome.Store;

/// <summary>
/// A signed-in session. Only the SHA-256 of its access token and refresh token are stored. Refreshing
/// rotates both tokens in place; the session keeps its id, and <see cref="FamilyId"/> (the id the
/// session was created with) ties rotated-out refresh tokens to it for reuse detection.
/// </summary>
public sealed record Session : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "ases";

    public required Id<Session> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required Id<AppEnvironment> EnvId { get; init; }
    public required Id<User> UserId { get; init; }
    public Id<Organization>? OrgId { get; init; }
    public required Id<Session> FamilyId { get; init; }
    public required SecretHash TokenHash { get; init; }
    public required SecretHash RefreshTokenHash { get; init; }
    public string? IpAddress { get; init; }
    public string? UserAgent { get; init; }
    public Id<Device>? DeviceId { get; init; }
    public Id<User>? ImpersonatedBy { get; init; }
    public required DateTimeOffset LastActivityAt { get; init => field = StoreTime.Normalize(value); }

    /// <summary>When the access token stops working.</summary>
    public required DateTimeOffset ExpiresAt { get; init => field = StoreTime.Normalize(value); }

    /// <summary>When the refresh token stops working; the session is gone after this.</summary>
    public required DateTimeOffset RefreshTokenExpiresAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
