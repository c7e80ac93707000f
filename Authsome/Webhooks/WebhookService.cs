using Authsome.Apps;
using Authsome.Messaging;
using Authsome.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Authsome.Webhooks;

/// <summary>A webhook just made or given a new secret, with the secret in plain text: it exists only in this answer.</summary>
internal sealed record WebhookWithSecret(Webhook Webhook, string Secret);

/// <summary>Webhook endpoints of the engine's app: made, changed, re-keyed and removed by administrators; their deliveries listed and redelivered.</summary>
internal sealed partial class WebhookService(IAuthsomeStore store, AppResolver apps, WebhookTargetPolicy targets, [FromKeyedServices(WebhookRegistration.WakeUpKey)] OutboxSignal wakeUp, TimeProvider time, ILogger<WebhookService> logger)
{
    /// <summary>A new webhook; <paramref name="creator"/> (null when a service account made it) gets the mail when it is disabled.</summary>
    public async ValueTask<WebhookWithSecret> CreateAsync(Id<User>? creator, string? url, IReadOnlyList<string>? events, bool? active, CancellationToken cancellationToken)
    {
        var validUrl = targets.Validate(url);
        var validEvents = WebhookEventTypes.Validate(events);
        var app = await apps.GetAsync(cancellationToken);
        var now = time.GetStoreNow();
        var secret = WebhookSignature.NewSecret();
        var webhook = new Webhook
        {
            Id = Id<Webhook>.New(now),
            AppId = app.AppId,
            EnvId = app.EnvId,
            Url = validUrl,
            Events = validEvents,
            Secret = secret,
            Active = active ?? true,
            CreatedBy = creator,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.Webhooks.CreateAsync(webhook, cancellationToken);
        LogCreated(logger, webhook.Id.ToString(), string.Join(' ', validEvents));
        return new WebhookWithSecret(webhook, secret);
    }

    public async ValueTask<IReadOnlyList<Webhook>> ListAsync(CancellationToken cancellationToken) =>
        await store.Webhooks.ListAsync((await apps.GetAsync(cancellationToken)).AppId, cancellationToken);

    /// <summary>The app's webhook with this id, or null.</summary>
    public async ValueTask<Webhook?> FindAsync(string id, CancellationToken cancellationToken) =>
        Id<Webhook>.TryParse(id, out var webhookId)
        && await store.Webhooks.GetAsync(webhookId, cancellationToken) is { } webhook
        && webhook.AppId == (await apps.GetAsync(cancellationToken)).AppId
            ? webhook
            : null;

    /// <summary>Changes what is given; turning an endpoint back on forgets its failures.</summary>
    public async ValueTask<Webhook> UpdateAsync(Webhook webhook, string? url, IReadOnlyList<string>? events, bool? active, CancellationToken cancellationToken)
    {
        var updated = webhook with
        {
            Url = url is null ? webhook.Url : targets.Validate(url),
            Events = events is null ? webhook.Events : WebhookEventTypes.Validate(events),
            Active = active ?? webhook.Active,
            FailingSince = active == true ? null : webhook.FailingSince,
            UpdatedAt = time.GetStoreNow(),
        };
        await store.Webhooks.UpdateAsync(updated, cancellationToken);
        return updated;
    }

    /// <summary>A new signing secret; the old one stops signing at once.</summary>
    public async ValueTask<WebhookWithSecret> RotateSecretAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        var secret = WebhookSignature.NewSecret();
        var rotated = webhook with { Secret = secret, UpdatedAt = time.GetStoreNow() };
        await store.Webhooks.UpdateAsync(rotated, cancellationToken);
        LogRotated(logger, webhook.Id.ToString());
        return new WebhookWithSecret(rotated, secret);
    }

    public async ValueTask DeleteAsync(Webhook webhook, CancellationToken cancellationToken) =>
        await store.Webhooks.DeleteAsync(webhook.Id, cancellationToken);

    public async ValueTask<Page<WebhookDelivery>> ListDeliveriesAsync(Webhook webhook, PageRequest page, CancellationToken cancellationToken) =>
        await store.Webhooks.ListDeliveriesAsync(webhook.Id, page, cancellationToken);

    /// <summary>Sends a delivery of this webhook again, as soon as the dispatcher runs; false when there is no such delivery.</summary>
    public async ValueTask<bool> RedeliverAsync(Webhook webhook, string deliveryId, CancellationToken cancellationToken)
    {
        var requeued = Id<WebhookDelivery>.TryParse(deliveryId, out var id)
            && await store.Webhooks.GetDeliveryAsync(id, cancellationToken) is { } delivery
            && delivery.WebhookId == webhook.Id
            && await store.Webhooks.RequeueDeliveryAsync(id, time.GetStoreNow(), cancellationToken);
        if (requeued)
        {
            wakeUp.Pulse();
        }

        return requeued;
    }

    [LoggerMessage(EventId = 4521, Level = LogLevel.Information, Message = "Created webhook {WebhookId} for {Events}")]
    private static partial void LogCreated(ILogger logger, string webhookId, string events);

    [LoggerMessage(EventId = 4522, Level = LogLevel.Information, Message = "Rotated the signing secret of webhook {WebhookId}")]
    private static partial void LogRotated(ILogger logger, string webhookId);
}
