using System.Threading.Channels;
using Authsome.Messaging;
using Microsoft.Extensions.Logging;

namespace Authsome.Tests.Messaging;

public sealed class OffRequestWorkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueuedWorkRunsInOrder_OffTheCallersPath()
    {
        var logger = new CapturingLogger<OffRequestWork>();
        using var work = new OffRequestWork(logger);
        var done = Channel.CreateUnbounded<int>();
        var gate = new TaskCompletionSource();

        // Enqueue returns at once even while the work waits: the caller never waits for it.
        work.Enqueue(async _ => { await gate.Task; await done.Writer.WriteAsync(1, Ct); });
        work.Enqueue(async _ => await done.Writer.WriteAsync(2, Ct));
        await work.StartAsync(Ct);
        Assert.False(done.Reader.TryRead(out _));
        gate.SetResult();

        Assert.Equal(1, await done.Reader.ReadAsync(Ct));
        Assert.Equal(2, await done.Reader.ReadAsync(Ct));
        await work.StopAsync(Ct);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task AFailingItemIsLogged_AndTheNextOneStillRuns()
    {
        var logger = new CapturingLogger<OffRequestWork>();
        using var work = new OffRequestWork(logger);
        var ran = new TaskCompletionSource();
        await work.StartAsync(Ct);

        work.Enqueue(_ => throw new InvalidOperationException("the store refused"));
        work.Enqueue(_ => { ran.SetResult(); return ValueTask.CompletedTask; });

        await ran.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await work.StopAsync(Ct);
        var failure = Assert.Single(logger.Entries);
        Assert.Equal(3404, failure.EventId.Id);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.IsType<InvalidOperationException>(failure.Exception);
    }

    [Fact]
    public async Task WhenTheQueueIsFull_WorkIsDroppedAndTheDropLogged_NeverBlockingTheCaller()
    {
        var logger = new CapturingLogger<OffRequestWork>();
        using var work = new OffRequestWork(logger);
        var ran = 0;

        // Not started: nothing drains the queue, so its 1024 places fill up.
        for (var i = 0; i < 1026; i++)
        {
            work.Enqueue(_ => { Interlocked.Increment(ref ran); return ValueTask.CompletedTask; });
        }

        Assert.Equal(2, logger.Entries.Count(e => e.EventId.Id == 3405));
        await work.StartAsync(Ct);
        for (var i = 0; i < 400 && Volatile.Read(ref ran) < 1024; i++)
        {
            await Task.Delay(25, Ct);
        }

        await work.StopAsync(Ct);
        Assert.Equal(1024, Volatile.Read(ref ran));
    }

    [Fact]
    public async Task StoppingCancelsTheRunningItem_WithoutLoggingAFailure()
    {
        var logger = new CapturingLogger<OffRequestWork>();
        using var work = new OffRequestWork(logger);
        var started = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        await work.StartAsync(Ct);
        work.Enqueue(async stopping =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, stopping);
            }
            catch (OperationCanceledException)
            {
                cancelled.SetResult();
                throw;
            }
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await work.StopAsync(Ct);

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Empty(logger.Entries);
    }
}
