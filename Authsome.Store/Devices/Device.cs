namespace Authsome.Store;

/// <summary>A device a user signed in from, recognised by a fingerprint unique per user.</summary>
public sealed record Device : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "adev";

    public required Id<Device> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required Id<User> UserId { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Browser { get; init; }
    public string? Os { get; init; }
    public string? IpAddress { get; init; }
    public required string Fingerprint { get; init; }
    public bool Trusted { get; init; }

    /// <summary>When the user last marked the device trusted (null when it is not); the engine counts trust periods from it.</summary>
    public DateTimeOffset? TrustedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset LastSeenAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
