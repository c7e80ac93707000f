namespace Authsome.Store.Memory;

internal sealed class MemoryWebhookStore(MemoryState state) : IWebhookStore
{
    private MemoryTable<Webhook> Webhooks => state.Webhooks;

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
        state.Run(() => Webhooks.Remove(id), cancellationToken);

    public ValueTask<IReadOnlyList<Webhook>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        state.Run<IReadOnlyList<Webhook>>(() => [.. Webhooks.Where(w => w.AppId == appId)], cancellationToken);
}
