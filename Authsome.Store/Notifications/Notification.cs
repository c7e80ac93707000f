namespace Authsome.Store;

/// <summary>How a notification is delivered.</summary>
public enum NotificationChannel
{
    Email,
    Sms,
    Push,
}

/// <summary>
/// A message queued for a user (or an address), and whether it was sent: the durable outbox of mail. A sender
/// claims due notifications with a lease, sends them, and marks them sent, or records the failure and when to
/// try again.
/// </summary>
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

    /// <summary>How many sends failed.</summary>
    public int Attempts { get; init; }

    /// <summary>When to try (again); null means now.</summary>
    public DateTimeOffset? NextAttemptAt { get; init => field = StoreTime.Normalize(value); }

    /// <summary>Until when a sender holds this notification; null or past means nobody does.</summary>
    public DateTimeOffset? LeaseUntil { get; init => field = StoreTime.Normalize(value); }

    /// <summary>When the sender gave up; a failed notification is never tried again.</summary>
    public DateTimeOffset? FailedAt { get; init => field = StoreTime.Normalize(value); }

    /// <summary>Why the last send failed (no recipient, no body).</summary>
    public string? Error { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
}
