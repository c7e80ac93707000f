namespace Authsome.Hosting;

/// <summary>
/// A hosted service's stop, run once however often the host asks. A host can be stopped twice at once (an app's
/// <c>Run</c> and an outer <c>StopAsync</c>, as WebApplicationFactory does), and disposes its services (the store among
/// them) when the first call returns: every call waits for the one stop, so none returns while its work is in flight.
/// </summary>
internal sealed class StopOnce
{
    private Lazy<Task>? _stopping;

    public Task RunAsync(Func<CancellationToken, Task> stop, CancellationToken cancellationToken)
    {
        var mine = new Lazy<Task>(() => stop(cancellationToken));
        return (Interlocked.CompareExchange(ref _stopping, mine, null) ?? mine).Value.WaitAsync(cancellationToken);
    }
}
