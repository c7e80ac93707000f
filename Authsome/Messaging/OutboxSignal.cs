namespace Authsome.Messaging;

/// <summary>
/// Wakes a background sender as soon as something is written to its outbox in this process, so the poll interval
/// only bounds how late work written by other replicas (and retries) is picked up, not how late local work is.
/// </summary>
internal sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    /// <summary>
    /// Says there is work; several calls before the next wait count as one. Inside a <see cref="UnitOfWork"/> it says so
    /// once the unit commits, when the work is there to be seen.
    /// </summary>
    public void Pulse() => UnitOfWork.AfterCommit(Release);

    private void Release()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already pulsed.
        }
    }

    /// <summary>Waits for a pulse or for <paramref name="interval"/> to pass, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(interval, time, timeout.Token);
        var pulse = signal.WaitAsync(timeout.Token);
        await Task.WhenAny(delay, pulse);
        await timeout.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
