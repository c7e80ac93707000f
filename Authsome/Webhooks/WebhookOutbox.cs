using System.Text.Json;
using Authsome.Json;
using Authsome.Hooks;
using Authsome.Messaging;
using Authsome.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Authsome.Webhooks;

/// <summary>
/// Turns the engine's events into deliveries: every event raised through <c>HookRunner.PublishAsync</c> (the one path
/// of events: the engine's own, tenancy's, MFA's, and any a feature or plugin raises) is written to the store's
/// delivery outbox, one row per subscribed endpoint, in one write. The dispatcher sends them from there, so a restart loses nothing once the
/// event is written. Where the change runs in a <see cref="UnitOfWork"/> (the engine's own changes, see docs/machine-access.md),
/// the rows are written in the change's transaction and a failure to write them fails the change; elsewhere they are
/// written right after the change, and a failure is logged.
/// </summary>
internal sealed partial class WebhookOutbox(IAuthsomeStore store, [FromKeyedServices(WebhookRegistration.WakeUpKey)] OutboxSignal wakeUp, TimeProvider time, ILogger<WebhookOutbox> logger) : IOutboxHook
{
    private static readonly JsonSerializerOptions PayloadJson = CreatePayloadJson();

    /// <summary>
    /// Writes one delivery per active, subscribed webhook of the event's app; nothing when there is none. The caller's
    /// cancellation (a client that went away) does not stop the write: outside a unit the change is already stored and
    /// the event would otherwise be lost; inside one, the unit's commit decides.
    /// </summary>
    public async ValueTask OnEventAsync(AuthsomeEvent authsomeEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authsomeEvent);
        var key = new AuthsomeEventKey(authsomeEvent.AppId, authsomeEvent.Type);
        var receivers = (await store.Webhooks.ListAsync(authsomeEvent.AppId, CancellationToken.None)).Where(w => w.Receives(key)).ToList();
        if (receivers.Count == 0)
        {
            return;
        }

        var now = time.GetStoreNow();
        var eventId = "msg_" + Guid.CreateVersion7(now).ToString("N");
        var payload = JsonSerializer.Serialize(new { id = eventId, type = authsomeEvent.Type, timestamp = now, data = authsomeEvent.Data }, PayloadJson);
        var deliveries = receivers.Select(webhook => new WebhookDelivery
        {
            Id = Id<WebhookDelivery>.New(now),
            AppId = webhook.AppId,
            WebhookId = webhook.Id,
            EventId = eventId,
            EventType = authsomeEvent.Type,
            Payload = payload,
            NextAttemptAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        await store.Webhooks.CreateDeliveriesAsync(deliveries, CancellationToken.None);
        wakeUp.Pulse();
        LogQueued(logger, authsomeEvent.Type, eventId, deliveries.Count);
    }

    private static JsonSerializerOptions CreatePayloadJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        AuthsomeJson.Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    [LoggerMessage(EventId = 4501, Level = LogLevel.Debug, Message = "Queued {EventType} event {EventId} for {Count} webhooks")]
    private static partial void LogQueued(ILogger logger, string eventType, string eventId, int count);
}
