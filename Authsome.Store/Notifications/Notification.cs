namespace Authsome.Store;

/// <summary>How a notification is delivered.</summary>
public enum NotificationChannel
{
    Email,
    Sms,
    Push,
}

/// <summary>A message queued for a user (or an address), and whether it was sent.</summary>
public sealed record Notification : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "antf";

    public required Id<Notification> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public Id<User>? UserId { get; init; }

    /// <summary>What the notification is about, e.g. "verify_email".</summary>
    public required string Type { get; init; }
    public required NotificationChannel Channel { get; init; }
    public string? Recipient { get; init; }
    public string? Subject { get; init; }
    public required string Body { get; init; }
    public bool Sent { get; init; }
    public DateTimeOffset? SentAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
}
