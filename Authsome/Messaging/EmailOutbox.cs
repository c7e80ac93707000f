using Authsome.Email;
using Authsome.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Messaging;

/// <summary>
/// The durable mail outbox. Routes write the mail to the store's notifications (one insert, right after the change
/// that causes it) and answer at once, so a mail server's speed never shows in response times. A background sender
/// claims due mail with a lease (so replicas never send one twice at once), sends it through <see cref="IEmailSender"/>,
/// marks it sent (erasing the body, which may hold a single-use link), or records the failure and retries with a
/// doubling delay until <see cref="MailSettings.MaxAttempts"/>. Nothing is dropped when busy and a restart loses
/// nothing written. Each account gets at most <see cref="MailSettings.MaxPerAccountPerHour"/> mails of a kind.
/// </summary>
internal sealed partial class EmailOutbox(
    IAuthsomeStore store,
    IEmailSender sender,
    IOptionsMonitor<AuthsomeOptions> options,
    TimeProvider time,
    ILogger<EmailOutbox> logger) : BackgroundService
{
    private readonly OutboxSignal signal = new();

    private MailSettings Settings => options.CurrentValue.Mail;

    /// <summary>
    /// Queues a mail of <paramref name="type"/> to <paramref name="user"/>; false when the account already had its
    /// hourly share of that kind (the mail is then not queued, and the caller answers as if it were).
    /// </summary>
    public async ValueTask<bool> EnqueueAsync(EmailMessage message, string type, User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetStoreNow();
        if (await store.Notifications.CountSinceAsync(user.Id, type, now.AddHours(-1), cancellationToken) >= Settings.MaxPerAccountPerHour)
        {
            LogCapped(logger, type, user.Id.ToString());
            return false;
        }

        await WriteAsync(message, type, user.AppId, user.Id, now, cancellationToken);
        return true;
    }

    /// <summary>
    /// Queues a mail of <paramref name="type"/> to an address that need not have an account (an invitation); no
    /// per-account share applies, so callers use it only where who may send is already limited.
    /// </summary>
    public ValueTask EnqueueAsync(EmailMessage message, string type, Id<App> appId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WriteAsync(message, type, appId, userId: null, time.GetStoreNow(), cancellationToken);
    }

    private async ValueTask WriteAsync(EmailMessage message, string type, Id<App> appId, Id<User>? userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await store.Notifications.CreateAsync(new Notification
        {
            Id = Id<Notification>.New(now),
            AppId = appId,
            UserId = userId,
            Type = type,
            Channel = NotificationChannel.Email,
            Recipient = message.To,
            Subject = message.Subject,
            Body = message.TextBody,
            CreatedAt = now,
        }, cancellationToken);
        signal.Pulse();
    }

    /// <summary>Claims and sends one round of due mail; returns how many were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = Settings;
        var now = time.GetStoreNow();
        // Long enough for a slow SMTP server to take the whole batch; short enough that mail claimed by a process
        // that died is picked up again soon.
        var lease = now + TimeSpan.FromMinutes(1) + (TimeSpan.FromSeconds(5) * settings.BatchSize);
        var claimed = await store.Notifications.ClaimDueAsync(now, lease, settings.BatchSize, cancellationToken);
        foreach (var notification in claimed)
        {
            // Every app's mail: one engine serves all the apps of its store (publishable keys pick them per request).
            if (notification.Channel != NotificationChannel.Email)
            {
                // A channel this sender does not serve: leave it to its sender once the lease runs out.
                continue;
            }

            await SendAsync(notification, lease, cancellationToken);
        }

        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await SendDueAsync(stoppingToken);
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

            if (claimed < Settings.BatchSize)
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

    private async Task SendAsync(Notification notification, DateTimeOffset lease, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(new EmailMessage(notification.Recipient ?? string.Empty, notification.Subject ?? string.Empty, notification.Body), cancellationToken);
            await store.Notifications.MarkSentAsync(notification.Id, time.GetStoreNow(), cancellationToken);
        }
        catch (Exception ex) when (ex is EmailDeliveryException or ArgumentException)
        {
            var settings = Settings;
            var attempts = notification.Attempts + 1;
            var now = time.GetStoreNow();
            // A malformed message never gets better: give it up at once.
            DateTimeOffset? retryAt = ex is ArgumentException || attempts >= settings.MaxAttempts
                ? null
                : now + (settings.InitialRetryDelay * Math.Pow(2, attempts - 1));
            LogSendFailed(logger, ex, notification.Subject ?? string.Empty, attempts, retryAt is null);
            await store.Notifications.RecordFailureAsync(notification.Id, lease, now, retryAt, ex.GetType().Name, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 3401, Level = LogLevel.Error, Message = "Sending the mail '{Subject}' failed (attempt {Attempts}; given up: {GivenUp})")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string subject, int attempts, bool givenUp);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Account {UserId} already had its hourly share of '{Type}' mail; this one is not sent")]
    private static partial void LogCapped(ILogger logger, string type, string userId);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Warning, Message = "A mail round failed; the next round retries")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
