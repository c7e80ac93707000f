using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Webhook endpoints in <c>authsome_webhooks</c>.</summary>
internal sealed class MongoWebhookStore(MongoContext context) : IWebhookStore
{
    private const string Entity = "webhook";
    private readonly IMongoCollection<BsonDocument> _webhooks = context.Collection(MongoCollections.Webhooks);

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

    public ValueTask<bool> DeleteAsync(Id<Webhook> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () => (await _webhooks.DeleteOneAsync(IdIs(id), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);

    public ValueTask<IReadOnlyList<Webhook>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _webhooks.ListAsync(FieldIs(Field.AppId, appId), WebhookDocument.FromBson, cancellationToken));
}
