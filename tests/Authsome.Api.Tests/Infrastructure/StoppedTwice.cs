namespace Authsome.Api.Tests.Infrastructure;

/// <summary>
/// What WebApplicationFactory does to an app that called Run: it stops the host while the app's own Run stops it
/// too, and the first stop to return lets the host be disposed.
/// </summary>
internal static class StoppedTwice
{
    /// <summary>
    /// Calls <paramref name="stop"/> once, waits until its work is <paramref name="held"/>, calls it again, then
    /// <paramref name="release"/>s the work and waits for both. True if either stop returned while the work was held.
    /// </summary>
    public static async Task<bool> AStopReturnedWhileHeldAsync(Func<Task> stop, Task held, Action release, CancellationToken cancellationToken)
    {
        var first = stop();
        await held.WaitAsync(cancellationToken);
        var second = stop();
        var returnedEarly = first.IsCompleted || second.IsCompleted;
        release();
        await Task.WhenAll(first, second);
        return returnedEarly;
    }
}
