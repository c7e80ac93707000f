namespace Authsome.Store.Relational;

/// <summary>The deliveries half of <see cref="RelationalWebhookStore"/>: the outbox, claimed row by row with a compare-and-swap on the lease.</summary>
internal sealed partial class RelationalWebhookStore
{
    private const string DeliveryEntity = "webhook delivery";

    private const string DeliveryColumns =
        "id, app_id, webhook_id, event_id, event_type, payload, status, attempts, next_attempt_at, lease_until, last_attempt_at, response_status, latency_ms, response_body, error, created_at, updated_at";

    private const string SelectDelivery = $"SELECT {DeliveryColumns} FROM authsome_webhook_deliveries";

    private const string Pending = "'pending'";

    public async ValueTask CreateDeliveriesAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        await db.TransactAsync(
            DeliveryEntity,
            async s =>
            {
                foreach (var delivery in deliveries)
                {
                    await s.ExecuteAsync(
                        $"""
                        INSERT INTO authsome_webhook_deliveries ({DeliveryColumns})
                        VALUES (@id, @app_id, @webhook_id, @event_id, @event_type, @payload, @status, @attempts, @next_attempt_at, @lease_until,
                                @last_attempt_at, @response_status, @latency_ms, @response_body, @error, @created_at, @updated_at)
                        """,
                        DeliveryArgs(delivery),
                        cancellationToken).ConfigureAwait(false);
                }

                return deliveries.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<WebhookDelivery?> GetDeliveryAsync(Id<WebhookDelivery> id, CancellationToken cancellationToken) =>
        await db.ReadAsync(DeliveryEntity, s => s.QueryFirstAsync($"{SelectDelivery} WHERE id = @id", new { id = id.ToString() }, MapDelivery, cancellationToken), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Page<WebhookDelivery>> ListDeliveriesAsync(Id<Webhook> webhookId, PageRequest page, CancellationToken cancellationToken) =>
        await Paging.ListAsync(
            db, DeliveryEntity, "authsome_webhook_deliveries", DeliveryColumns, "webhook_id = @webhook_id", new { webhook_id = webhookId.ToString() },
            page, page.After<WebhookDelivery>()?.ToString(), MapDelivery, d => d.Id.ToString(), cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<WebhookDelivery>> ClaimDueDeliveriesAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        var args = new { now = D.Time(StoreTime.Normalize(now)), until = D.Time(StoreTime.Normalize(leaseUntil)), max };
        const string Due = $"status = {Pending} AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)";
        var candidates = await db.ReadAsync(
            DeliveryEntity,
            s => s.QueryAsync($"{SelectDelivery} WHERE {Due} ORDER BY id LIMIT @max", args, MapDelivery, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var claimed = new List<WebhookDelivery>(candidates.Count);
        foreach (var candidate in candidates)
        {
            // Another replica may have claimed it since the read: the condition is checked again as the lease is taken.
            var taken = await db.WriteAsync(
                DeliveryEntity,
                s => s.ExecuteAsync($"UPDATE authsome_webhook_deliveries SET lease_until = @until WHERE id = @id AND {Due}", new { args.now, args.until, id = candidate.Id.ToString() }, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (taken == 1)
            {
                claimed.Add(candidate with { LeaseUntil = leaseUntil });
            }
        }

        return claimed;
    }

    public async ValueTask<bool> RecordAttemptAsync(WebhookDelivery attempted, DateTimeOffset heldLease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempted);
        var args = new
        {
            id = attempted.Id.ToString(),
            held = D.Time(StoreTime.Normalize(heldLease)),
            status = EnumText.Of(attempted.Status),
            attempts = attempted.Attempts,
            next_attempt_at = D.Time(attempted.NextAttemptAt),
            last_attempt_at = D.Time(attempted.LastAttemptAt),
            response_status = attempted.ResponseStatus,
            latency_ms = attempted.LatencyMs,
            response_body = attempted.ResponseBody,
            error = attempted.Error,
            updated_at = D.Time(attempted.UpdatedAt),
        };
        return await db.WriteAsync(
            DeliveryEntity,
            s => s.ExecuteAsync(
                """
                UPDATE authsome_webhook_deliveries SET status = @status, attempts = @attempts, next_attempt_at = @next_attempt_at, lease_until = NULL,
                    last_attempt_at = @last_attempt_at, response_status = @response_status, latency_ms = @latency_ms, response_body = @response_body,
                    error = @error, updated_at = @updated_at
                WHERE id = @id AND lease_until = @held
                """,
                args,
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask<bool> RequeueDeliveryAsync(Id<WebhookDelivery> id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.WriteAsync(
            DeliveryEntity,
            s => s.ExecuteAsync(
                $"UPDATE authsome_webhook_deliveries SET status = {Pending}, next_attempt_at = @at, lease_until = NULL, updated_at = @at WHERE id = @id",
                new { id = id.ToString(), at = D.Time(StoreTime.Normalize(at)) },
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;

    private object DeliveryArgs(WebhookDelivery d) => new
    {
        id = d.Id.ToString(),
        app_id = d.AppId.ToString(),
        webhook_id = d.WebhookId.ToString(),
        event_id = d.EventId,
        event_type = d.EventType,
        payload = d.Payload,
        status = EnumText.Of(d.Status),
        attempts = d.Attempts,
        next_attempt_at = D.Time(d.NextAttemptAt),
        lease_until = D.Time(d.LeaseUntil),
        last_attempt_at = D.Time(d.LastAttemptAt),
        response_status = d.ResponseStatus,
        latency_ms = d.LatencyMs,
        response_body = d.ResponseBody,
        error = d.Error,
        created_at = D.Time(d.CreatedAt),
        updated_at = D.Time(d.UpdatedAt),
    };

    private static WebhookDelivery MapDelivery(RowReader r) => new()
    {
        Id = r.Id<WebhookDelivery>("id"),
        AppId = r.Id<App>("app_id"),
        WebhookId = r.Id<Webhook>("webhook_id"),
        EventId = r.Text("event_id"),
        EventType = r.Text("event_type"),
        Payload = r.Text("payload"),
        Status = r.Enum<WebhookDeliveryStatus>("status"),
        Attempts = r.Int("attempts"),
        NextAttemptAt = r.Time("next_attempt_at"),
        LeaseUntil = r.TimeOrNull("lease_until"),
        LastAttemptAt = r.TimeOrNull("last_attempt_at"),
        ResponseStatus = r.IntOrNull("response_status"),
        LatencyMs = r.IntOrNull("latency_ms"),
        ResponseBody = r.TextOrNull("response_body"),
        Error = r.TextOrNull("error"),
        CreatedAt = r.Time("created_at"),
        UpdatedAt = r.Time("updated_at"),
    };
}
