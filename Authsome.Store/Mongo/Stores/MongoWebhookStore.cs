using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Webhook endpoints in <c>authsome_webhooks</c>, their outbox in <c>authsome_webhook_deliveries</c>.</summary>
internal sealed class MongoWebhookStore(MongoContext context) : IWebhookStore
{
    private const string Entity = "webhook";
    private const string DeliveryEntity = "webhook delivery";
    private readonly IMongoCollection<BsonDocument> _webhooks = context.Collection(MongoCollections.Webhooks);
    private readonly IMongoCollection<BsonDocument> _deliveries = context.Collection(MongoCollections.WebhookDeliveries);

    public ValueTask CreateAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return MongoCall.RunAsync(Entity, () => _webhooks.InsertOneAsync(WebhookDocument.ToBson(webhook), cancellationToken: cancellationToken));
    }

    public ValueTask<Webhook?> GetAsync(Id<Webhook> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _webhooks.FindOneAsync(IdIs(id), WebhookDocument.FromBson, cancellationToken));

    public ValueTask UpdateAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var update = SetAllExcept(WebhookDocument.ToBson(webhook), Field.CreatedAt);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _webhooks.UpdateOneAsync(IdIs(webhook.Id), update, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    // Deliveries first, so an interrupted delete leaves the webhook in place and a repeated call finishes the job.
    public ValueTask<bool> DeleteAsync(Id<Webhook> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => context.InTransactionAsync(
            async (session, ct) =>
            {
                await _deliveries.DeleteManyAsync(session, FieldIs(Field.WebhookId, id), cancellationToken: ct).ConfigureAwait(false);
                return (await _webhooks.DeleteOneAsync(session, IdIs(id), cancellationToken: ct).ConfigureAwait(false)).DeletedCount > 0;
            },
            cancellationToken));

    public ValueTask<IReadOnlyList<Webhook>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _webhooks.ListAsync(FieldIs(Field.AppId, appId), WebhookDocument.FromBson, cancellationToken));

    public ValueTask CreateDeliveriesAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var documents = deliveries.Select(WebhookDeliveryDocument.ToBson).ToList();
        return MongoCall.RunAsync(DeliveryEntity, (Func<Task>)(() => context.InTransactionAsync(
            async (session, ct) =>
            {
                await _deliveries.InsertManyAsync(session, documents, cancellationToken: ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken)));
    }

    public ValueTask<WebhookDelivery?> GetDeliveryAsync(Id<WebhookDelivery> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(DeliveryEntity, () => _deliveries.FindOneAsync(IdIs(id), WebhookDeliveryDocument.FromBson, cancellationToken));

    public ValueTask<Page<WebhookDelivery>> ListDeliveriesAsync(Id<Webhook> webhookId, PageRequest page, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(DeliveryEntity, () => _deliveries.PageAsync(FieldIs(Field.WebhookId, webhookId), page, WebhookDeliveryDocument.FromBson, d => d.Id, cancellationToken));

    public ValueTask<IReadOnlyList<WebhookDelivery>> ClaimDueDeliveriesAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        var at = BsonWrite.Date(StoreTime.Normalize(now));
        var due = Filter.Eq(Field.Status, BsonWrite.Enum(WebhookDeliveryStatus.Pending)) & Filter.Lte(Field.NextAttemptAt, at) & MongoLeases.Free(at);
        return MongoCall.RunAsync(DeliveryEntity, () => MongoLeases.ClaimAsync(_deliveries, due, leaseUntil, max, WebhookDeliveryDocument.FromBson, cancellationToken));
    }

    public ValueTask<bool> RecordAttemptAsync(WebhookDelivery attempted, DateTimeOffset heldLease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempted);
        var update = Update
            .Set(Field.Status, BsonWrite.Enum(attempted.Status))
            .Set(Field.Attempts, attempted.Attempts)
            .Set(Field.NextAttemptAt, BsonWrite.Date(attempted.NextAttemptAt))
            .Set(Field.LeaseUntil, BsonNull.Value)
            .Set(Field.LastAttemptAt, BsonWrite.Date(attempted.LastAttemptAt))
            .Set(Field.ResponseStatus, BsonWrite.Int(attempted.ResponseStatus))
            .Set(Field.LatencyMs, BsonWrite.Int(attempted.LatencyMs))
            .Set(Field.ResponseBody, BsonWrite.Text(attempted.ResponseBody))
            .Set(Field.Error, BsonWrite.Text(attempted.Error))
            .Set(Field.UpdatedAt, BsonWrite.Date(attempted.UpdatedAt));
        return MongoCall.RunAsync(DeliveryEntity, async () =>
            (await _deliveries.UpdateOneAsync(IdIs(attempted.Id) & MongoLeases.HeldAt(heldLease), update, cancellationToken: cancellationToken).ConfigureAwait(false)).MatchedCount == 1);
    }

    public ValueTask<bool> RequeueDeliveryAsync(Id<WebhookDelivery> id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var when = BsonWrite.Date(StoreTime.Normalize(at));
        var update = Update
            .Set(Field.Status, BsonWrite.Enum(WebhookDeliveryStatus.Pending))
            .Set(Field.NextAttemptAt, when)
            .Set(Field.LeaseUntil, BsonNull.Value)
            .Set(Field.UpdatedAt, when);
        return MongoCall.RunAsync(DeliveryEntity, async () =>
            (await _deliveries.UpdateOneAsync(IdIs(id), update, cancellationToken: cancellationToken).ConfigureAwait(false)).MatchedCount == 1);
    }
}
