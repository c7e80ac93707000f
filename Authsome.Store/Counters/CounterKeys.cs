namespace Authsome.Store;

/// <summary>
/// The <see cref="ICounterStore"/> argument checks, and reset-then-increment as two calls for the backends that cannot
/// make it one request (memory, MongoDB, SQLite; PostgreSQL makes it one statement).
/// </summary>
internal static class CounterKeys
{
    /// <summary>Refuses a key that the reset before its increment would delete (<see cref="ICounterStore.ResetAndIncrementAsync"/>).</summary>
    public static void EnsureOutside(string resetPrefix, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(resetPrefix);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.StartsWith(resetPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("The counter to increment must not start with the prefix being reset.", nameof(key));
        }
    }

    /// <summary>
    /// <see cref="ICounterStore.ResetAndIncrementAsync"/> as its two calls, for backends that cannot make it one request.
    /// </summary>
    public static async ValueTask<CounterState> ResetThenIncrementAsync(
        ICounterStore counters, string resetPrefix, string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        EnsureOutside(resetPrefix, key);
        await counters.ResetAsync(resetPrefix, cancellationToken).ConfigureAwait(false);
        return await counters.IncrementAsync(key, now, window, cancellationToken).ConfigureAwait(false);
    }
}
