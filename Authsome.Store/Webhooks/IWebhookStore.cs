namespace Authsome.Store;

/// <summary>Webhook endpoints, and the outbox of deliveries to them.</summary>
public interface IWebhookStore
{
    ValueTask CreateAsync(Webhook webhook, CancellationToken cancellationToken);

    ValueTask<Webhook?> GetAsync(Id<Webhook> id, CancellationToken cancellationToken);

    /// <summary>Replaces a webhook's fields. Throws <see cref="StoreNotFoundException"/> when absent.</summary>
    ValueTask UpdateAsync(Webhook webhook, CancellationToken cancellationToken);

    /// <summary>Deletes a webhook and its deliveries.</summary>
    ValueTask<bool> DeleteAsync(Id<Webhook> id, CancellationToken cancellationToken);

    /// <summary>An app's webhooks, in id order.</summary>
    ValueTask<IReadOnlyList<Webhook>> ListAsync(Id<App> appId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores deliveries (the outbox rows of one event), all or none where the backend has transactions. Throws
    /// <see cref="StoreConflictException"/> (Duplicate) when an id is taken.
    /// </summary>
    ValueTask CreateDeliveriesAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken);

    ValueTask<WebhookDelivery?> GetDeliveryAsync(Id<WebhookDelivery> id, CancellationToken cancellationToken);

    /// <summary>A webhook's deliveries, in id order (oldest first).</summary>
    ValueTask<Page<WebhookDelivery>> ListDeliveriesAsync(Id<Webhook> webhookId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> pending deliveries due at <paramref name="now"/> (<see cref="WebhookDelivery.NextAttemptAt"/>
    /// at or before it) whose lease is free (null, or at or before <paramref name="now"/>), oldest first, and sets
    /// their lease to <paramref name="leaseUntil"/>. Concurrent callers never claim the same delivery.
    /// </summary>
    ValueTask<IReadOnlyList<WebhookDelivery>> ClaimDueDeliveriesAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Records an attempt by the holder of the lease <paramref name="heldLease"/>: replaces the status, attempts,
    /// next attempt, last attempt, response status, latency, response body, error and updated time with those of
    /// <paramref name="attempted"/> and frees the lease. False (nothing changed) when the lease is no longer held.
    /// </summary>
    ValueTask<bool> RecordAttemptAsync(WebhookDelivery attempted, DateTimeOffset heldLease, CancellationToken cancellationToken);

    /// <summary>Makes a delivery pending again, due at <paramref name="at"/>, lease freed; false when absent.</summary>
    ValueTask<bool> RequeueDeliveryAsync(Id<WebhookDelivery> id, DateTimeOffset at, CancellationToken cancellationToken);
}
