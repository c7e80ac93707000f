namespace Authsome.Store;

/// <summary>
/// Fixed-window counters kept in the database, so the limits that protect accounts (failed sign-ins per account and
/// client, requests per account, verification attempts, resends) hold across every replica and restart. Keys are
/// opaque strings chosen by the engine (at most 200 characters).
/// </summary>
public interface ICounterStore
{
    /// <summary>
    /// Atomically adds one to the counter <paramref name="key"/> and returns its new state. A counter that does not
    /// exist, or whose window ended at or before <paramref name="now"/>, starts again at one with a window ending at
    /// <paramref name="now"/> + <paramref name="window"/>. Concurrent calls never lose a count.
    /// </summary>
    ValueTask<CounterState> IncrementAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>The counter's state, or null when there is none or its window ended at or before <paramref name="now"/>.</summary>
    ValueTask<CounterState?> GetAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes the counters whose keys start with <paramref name="keyPrefix"/> (a whole key resets one); returns how many.</summary>
    ValueTask<int> ResetAsync(string keyPrefix, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="ResetAsync"/> of <paramref name="resetPrefix"/>, then <see cref="IncrementAsync"/> of <paramref name="key"/>,
    /// in one round trip where the database allows it (a successful sign-in clears its client's attempts and counts the
    /// client as known). Each half is atomic on its own, as its method is; <paramref name="key"/> must not start with
    /// <paramref name="resetPrefix"/>.
    /// </summary>
    ValueTask<CounterState> ResetAndIncrementAsync(string resetPrefix, string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);
}

/// <summary>A counter's count and the end of its window (exclusive: from then on it counts from zero again).</summary>
public readonly record struct CounterState(int Count, DateTimeOffset WindowEndsAt);
