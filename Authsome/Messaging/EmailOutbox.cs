using System.Threading.Channels;
using Authsome.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Authsome.Messaging;

/// <summary>
/// Mail leaves the request path: routes enqueue and answer at once, so how long a mail server takes (or whether a
/// mail was sent at all) never shows in response times, which would reveal whether an account exists. A background
/// worker delivers through <see cref="IEmailSender"/>; a failed delivery is logged (recipient and body are not).
/// Work that only some callers have (storing a reset token for an account that exists) can be queued too, so the
/// request path does the same work whether or not the account exists.
/// </summary>
internal sealed partial class EmailOutbox(IEmailSender sender, ILogger<EmailOutbox> logger) : BackgroundService
{
    private const int Capacity = 1024;

    private readonly Channel<Func<CancellationToken, ValueTask<EmailMessage?>>> queue = Channel.CreateBounded<Func<CancellationToken, ValueTask<EmailMessage?>>>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Queues a message; when the queue is full the message is dropped and the drop logged.</summary>
    public void Enqueue(EmailMessage message) => Enqueue(_ => ValueTask.FromResult<EmailMessage?>(message));

    /// <summary>Queues work that runs off the request path and yields the message to send (or null: none).</summary>
    public void Enqueue(Func<CancellationToken, ValueTask<EmailMessage?>> work)
    {
        if (!queue.Writer.TryWrite(work))
        {
            LogDropped(logger, Capacity);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
        {
            EmailMessage? message = null;
            try
            {
                message = await work(stoppingToken);
                if (message is not null)
                {
                    await sender.SendAsync(message, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogSendFailed(logger, ex, message?.Subject ?? "(not prepared)");
            }
        }
    }

    [LoggerMessage(EventId = 3401, Level = LogLevel.Error, Message = "Sending the mail '{Subject}' failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string subject);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Error, Message = "The mail queue is full ({Capacity}); a message was dropped")]
    private static partial void LogDropped(ILogger logger, int capacity);
}
