namespace Authsome.Store.Memory;

internal sealed class MemoryWebhookStore(MemoryState state) : IWebhookStore
{
    private MemoryTable<Webhook> Webhooks => state.Webhooks;

    private MemoryTable<WebhookDelivery> Deliveries => state.WebhookDeliveries;

    public ValueTask CreateAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return state.Run(() => Webhooks.Insert(webhook), cancellationToken);
    }

    public ValueTask<Webhook?> GetAsync(Id<Webhook> id, CancellationToken cancellationToken) =>
        state.Run(() => Webhooks.Get(id), cancellationToken);

    public ValueTask UpdateAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return state.Run(
            () =>
            {
                var stored = Webhooks.Get(webhook.Id) ?? throw new StoreNotFoundException(Webhooks.Entity);
                Webhooks.Replace(webhook with { CreatedAt = stored.CreatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<Webhook> id, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                Deliveries.RemoveWhere(d => d.WebhookId == id);
                return Webhooks.Remove(id);
            },
            cancellationToken);

    public ValueTask<IReadOnlyList<Webhook>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Webhook>>(() => [.. Webhooks.Where(w => w.AppId == appId)], cancellationToken);

    public ValueTask CreateDeliveriesAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        return state.Run(
            () =>
            {
                // All or none: check every id first, so a refused batch leaves nothing behind.
                if (deliveries.DistinctBy(d => d.Id).Count() != deliveries.Count || deliveries.Any(d => Deliveries.Get(d.Id) is not null))
                {
                    throw new StoreConflictException(ConflictKind.Duplicate, Deliveries.Entity);
                }

                foreach (var delivery in deliveries)
                {
                    Deliveries.Insert(delivery);
                }
            },
            cancellationToken);
    }

    public ValueTask<WebhookDelivery?> GetDeliveryAsync(Id<WebhookDelivery> id, CancellationToken cancellationToken) =>
        state.Run(() => Deliveries.Get(id), cancellationToken);

    public ValueTask<Page<WebhookDelivery>> ListDeliveriesAsync(Id<Webhook> webhookId, PageRequest page, CancellationToken cancellationToken) =>
        state.Run(() => Deliveries.Page(d => d.WebhookId == webhookId, page), cancellationToken);

    public ValueTask<IReadOnlyList<WebhookDelivery>> ClaimDueDeliveriesAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<WebhookDelivery>>(
            () =>
            {
                var claimed = Deliveries
                    .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil is null || d.LeaseUntil <= now))
                    .Take(max)
                    .Select(d => d with { LeaseUntil = leaseUntil })
                    .ToList();
                claimed.ForEach(Deliveries.Replace);
                return claimed;
            },
            cancellationToken);

    public ValueTask<bool> RecordAttemptAsync(WebhookDelivery attempted, DateTimeOffset heldLease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempted);
        var lease = StoreTime.Normalize(heldLease);
        return state.Run(
            () =>
            {
                if (Deliveries.Get(attempted.Id) is not { } stored || stored.LeaseUntil != lease)
                {
                    return false;
                }

                Deliveries.Replace(stored with
                {
                    Status = attempted.Status,
                    Attempts = attempted.Attempts,
                    NextAttemptAt = attempted.NextAttemptAt,
                    LeaseUntil = null,
                    LastAttemptAt = attempted.LastAttemptAt,
                    ResponseStatus = attempted.ResponseStatus,
                    LatencyMs = attempted.LatencyMs,
                    ResponseBody = attempted.ResponseBody,
                    Error = attempted.Error,
                    UpdatedAt = attempted.UpdatedAt,
                });
                return true;
            },
            cancellationToken);
    }

    public ValueTask<bool> RequeueDeliveryAsync(Id<WebhookDelivery> id, DateTimeOffset at, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                if (Deliveries.Get(id) is not { } stored)
                {
                    return false;
                }

                Deliveries.Replace(stored with { Status = WebhookDeliveryStatus.Pending, NextAttemptAt = at, LeaseUntil = null, UpdatedAt = at });
                return true;
            },
            cancellationToken);
}
