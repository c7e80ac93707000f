namespace Authsome.Store;

/// <summary>Webhook endpoints.</summary>
public interface IWebhookStore
{
    ValueTask CreateAsync(Webhook webhook, CancellationToken cancellationToken);

    ValueTask<Webhook?> GetAsync(Id<Webhook> id, CancellationToken cancellationToken);

    /// <summary>Replaces a webhook's fields. Throws <see cref="StoreNotFoundException"/> when absent.</summary>
    ValueTask UpdateAsync(Webhook webhook, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<Webhook> id, CancellationToken cancellationToken);

    /// <summary>An app's webhooks, in id order.</summary>
    ValueTask<IReadOnlyList<Webhook>> ListAsync(Id<App> appId, CancellationToken cancellationToken);
}
