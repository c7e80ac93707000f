namespace Authsome.Store;

/// <summary>Where a <see cref="WebhookDelivery"/> stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet; due at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Succeeded,

    /// <summary>Every attempt failed; no more will be made unless it is redelivered.</summary>
    Failed,
}

/// <summary>
/// One event on its way to one webhook endpoint: the outbox row a dispatcher claims (with a lease, so two replicas
/// never send it at the same time), attempts, and the outcome of the last attempt. <see cref="EventId"/> is the same
/// for every attempt (and every endpoint), so receivers can drop duplicates.
/// </summary>
public sealed record WebhookDelivery : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "awdl";

    public required Id<WebhookDelivery> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required Id<Webhook> WebhookId { get; init; }

    /// <summary>The event's id (<c>msg_...</c>), sent as <c>webhook-id</c>.</summary>
    public required string EventId { get; init; }

    /// <summary>The event's type, e.g. <c>user.created</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>The exact JSON body sent (and signed).</summary>
    public required string Payload { get; init; }

    public WebhookDeliveryStatus Status { get; init; }
    public int Attempts { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init => field = StoreTime.Normalize(value); }

    /// <summary>Until when a dispatcher holds this delivery; null or past means nobody does.</summary>
    public DateTimeOffset? LeaseUntil { get; init => field = StoreTime.Normalize(value); }
    public DateTimeOffset? LastAttemptAt { get; init => field = StoreTime.Normalize(value); }

    /// <summary>The HTTP status of the last attempt; null when it got no answer.</summary>
    public int? ResponseStatus { get; init; }

    /// <summary>How long the last attempt took, in milliseconds.</summary>
    public int? LatencyMs { get; init; }

    /// <summary>The start of the last answer's body (the dispatcher keeps only a short prefix).</summary>
    public string? ResponseBody { get; init; }

    /// <summary>Why the last attempt failed, when it did (no secrets).</summary>
    public string? Error { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
