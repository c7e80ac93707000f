using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Authsome.Messaging;
using Authsome.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Webhooks;

/// <summary>
/// Sends the delivery outbox. Each round claims due deliveries with a lease (so replicas never send one at the same
/// time), posts them signed per Standard Webhooks with a timeout per attempt, and records the outcome: 2xx is
/// delivered; anything else is retried with exponential backoff and jitter until <see cref="WebhookSettings.MaxAttempts"/>,
/// then failed. Delivery is at least once: a replica that dies after sending but before recording lets the lease run
/// out, and the delivery is sent again (with the same <c>webhook-id</c>, so receivers can drop the duplicate).
/// An endpoint that fails for <see cref="WebhookSettings.DisableAfter"/> is disabled and its creator mailed.
/// </summary>
internal sealed partial class WebhookDispatcher(
    IAuthsomeStore store,
    WebhookTargetPolicy targets,
    EmailOutbox mail,
    [FromKeyedServices(WebhookRegistration.WakeUpKey)] OutboxSignal signal,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly HttpClient http = CreateClient(targets);
    private WebhookSettings Settings => options.CurrentValue.Webhooks;

    /// <summary>Claims and sends one round of due deliveries; returns how many were claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = Settings;
        var now = time.GetStoreNow();
        // The lease outlives every attempt of the round, so nobody else can start one while it runs.
        var lease = now + settings.AttemptTimeout + TimeSpan.FromSeconds(30);
        var claimed = await store.Webhooks.ClaimDueDeliveriesAsync(now, lease, settings.MaxConcurrency, cancellationToken);
        await Task.WhenAll(claimed.Select(d => DeliverAsync(d, lease, cancellationToken)));
        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never let one bad round stop the host: log it and try again next round.
                LogRoundFailed(logger, ex);
            }

            // A full round means more may be waiting: go on at once.
            if (claimed < Settings.MaxConcurrency)
            {
                try
                {
                    await signal.WaitAsync(Settings.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public override void Dispose()
    {
        http.Dispose();
        base.Dispose();
    }

    private async Task DeliverAsync(WebhookDelivery delivery, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        try
        {
            var webhook = await store.Webhooks.GetAsync(delivery.WebhookId, cancellationToken);
            var outcome = webhook is { Active: true }
                ? await SendAsync(webhook, delivery, cancellationToken)
                : new AttemptOutcome(false, null, null, null, "The webhook is disabled.");
            var now = time.GetStoreNow();
            var attempts = delivery.Attempts + 1;
            var giveUp = !outcome.Succeeded && (attempts >= Settings.MaxAttempts || webhook is not { Active: true });
            var recorded = delivery with
            {
                Status = outcome.Succeeded ? WebhookDeliveryStatus.Succeeded : giveUp ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending,
                Attempts = attempts,
                NextAttemptAt = outcome.Succeeded || giveUp ? delivery.NextAttemptAt : now + RetryDelay(attempts),
                LastAttemptAt = now,
                ResponseStatus = outcome.Status,
                LatencyMs = outcome.LatencyMs,
                ResponseBody = outcome.Body,
                Error = outcome.Error,
                UpdatedAt = now,
            };
            if (!await store.Webhooks.RecordAttemptAsync(recorded, lease, cancellationToken))
            {
                LogLeaseLost(logger, delivery.Id.ToString());
            }

            if (webhook is { Active: true })
            {
                await TrackHealthAsync(webhook.Id, outcome.Succeeded, now, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is StoreException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The lease runs out and the delivery is claimed again.
            LogDeliveryFailed(logger, ex, delivery.Id.ToString());
        }
        catch (OperationCanceledException)
        {
            // The host is stopping mid-attempt: give the delivery back as it was claimed, so the next process (or another
            // replica) sends it at once instead of after the lease. If the receiver already had it, it gets it twice.
            await ReleaseAsync(delivery, lease);
        }
    }

    private async Task ReleaseAsync(WebhookDelivery delivery, DateTimeOffset lease)
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await store.Webhooks.RecordAttemptAsync(delivery, lease, bounded.Token);
        }
        catch (Exception ex) when (ex is StoreException or OperationCanceledException)
        {
            LogDeliveryFailed(logger, ex, delivery.Id.ToString());
        }
    }

    private async Task<AttemptOutcome> SendAsync(Webhook webhook, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = Settings;
        var sentAt = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, delivery.EventId);
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, WebhookSignature.Timestamp(sentAt));
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Sign(webhook.Secret, delivery.EventId, sentAt, delivery.Payload));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Authsome-Webhooks", "1.0"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.AttemptTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await ReadPrefixAsync(response.Content, settings.ResponseBodyLimit, timeout.Token);
            var status = (int)response.StatusCode;
            var succeeded = response.IsSuccessStatusCode;
            return new AttemptOutcome(succeeded, status, Elapsed(started), body, succeeded ? null : $"HTTP {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(false, null, Elapsed(started), null, $"No answer within {settings.AttemptTimeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            return new AttemptOutcome(false, null, Elapsed(started), null, ex.Message);
        }
    }

    private async Task TrackHealthAsync(Id<Webhook> id, bool succeeded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Re-read, so a change an administrator just made is not overwritten with an old copy.
        if (await store.Webhooks.GetAsync(id, cancellationToken) is not { Active: true } webhook)
        {
            return;
        }

        if (succeeded)
        {
            if (webhook.FailingSince is not null)
            {
                await store.Webhooks.UpdateAsync(webhook with { FailingSince = null, UpdatedAt = now }, cancellationToken);
            }

            return;
        }

        if (webhook.FailingSince is not { } since)
        {
            await store.Webhooks.UpdateAsync(webhook with { FailingSince = now, UpdatedAt = now }, cancellationToken);
        }
        else if (now - since >= Settings.DisableAfter)
        {
            await store.Webhooks.UpdateAsync(webhook with { Active = false, UpdatedAt = now }, cancellationToken);
            LogDisabled(logger, webhook.Id.ToString(), since);
            if (webhook.CreatedBy is { } creatorId && await store.Users.GetAsync(creatorId, cancellationToken) is { } creator)
            {
                await mail.EnqueueAsync(AccountEmails.WebhookDisabled(creator.Email, webhook.Url, since), AccountEmails.Types.WebhookDisabled, creator, cancellationToken);
            }
        }
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var settings = Settings;
        var doubled = settings.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = Math.Min(doubled, settings.MaxRetryDelay.TotalMilliseconds);
        // ±20% jitter, so endpoints that failed together are not all retried in the same second.
        return TimeSpan.FromMilliseconds(capped * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    private static async Task<string?> ReadPrefixAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        var buffer = new char[limit];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return read == 0 ? null : new string(buffer, 0, read);
    }

    private static int Elapsed(long started) => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static HttpClient CreateClient(WebhookTargetPolicy targets) => new(new SocketsHttpHandler
    {
        // A redirect could lead anywhere: receivers must answer at the URL they registered.
        AllowAutoRedirect = false,
        ConnectCallback = targets.ConnectAsync,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseCookies = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private sealed record AttemptOutcome(bool Succeeded, int? Status, int? LatencyMs, string? Body, string? Error);

    [LoggerMessage(EventId = 4511, Level = LogLevel.Warning, Message = "A webhook dispatch round failed; the next round retries")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4512, Level = LogLevel.Warning, Message = "Recording webhook delivery {DeliveryId} failed; it is sent again when its lease runs out")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string deliveryId);

    [LoggerMessage(EventId = 4513, Level = LogLevel.Warning, Message = "The lease on webhook delivery {DeliveryId} was lost before its attempt was recorded")]
    private static partial void LogLeaseLost(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 4514, Level = LogLevel.Warning, Message = "Disabled webhook {WebhookId}: every attempt has failed since {Since}")]
    private static partial void LogDisabled(ILogger logger, string webhookId, DateTimeOffset since);
}
