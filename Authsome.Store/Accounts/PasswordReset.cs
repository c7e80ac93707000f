namespace Authsome.Store;

/// <summary>A single-use, short-lived password reset token, stored only as a hash.</summary>
public sealed record PasswordReset : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "apwr";

    public required Id<PasswordReset> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required Id<User> UserId { get; init; }
    public required SecretHash TokenHash { get; init; }
    public required DateTimeOffset ExpiresAt { get; init => field = StoreTime.Normalize(value); }
    public DateTimeOffset? ConsumedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
}
