using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Authsome.Messaging;

/// <summary>
/// Runs work off the request path: what only some callers have to do (storing a reset token for an account that
/// exists, then writing its mail to the <see cref="EmailOutbox"/>), so a request costs the same whether or not the
/// account exists and the answer's timing reveals nothing. Once the work has written the mail, the outbox makes it
/// durable; work still queued when the process stops is lost, and the user asks again.
/// </summary>
internal sealed partial class OffRequestWork(ILogger<OffRequestWork> logger) : BackgroundService
{
    private const int Capacity = 1024;

    // Wait mode, written with TryWrite only: a full queue makes TryWrite return false and nobody waits. (The drop modes
    // would report every write as a success, so a drop could not be logged.)
    private readonly Channel<Func<CancellationToken, ValueTask>> queue = Channel.CreateBounded<Func<CancellationToken, ValueTask>>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    /// <summary>Queues <paramref name="work"/>; when the queue is full the work is dropped and the drop logged.</summary>
    public void Enqueue(Func<CancellationToken, ValueTask> work)
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
            try
            {
                await work(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 3404, Level = LogLevel.Error, Message = "Work queued off the request path failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3405, Level = LogLevel.Error, Message = "The off-request work queue is full ({Capacity}); work was dropped")]
    private static partial void LogDropped(ILogger logger, int capacity);
}
