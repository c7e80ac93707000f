namespace Authsome.Store.Memory;

internal sealed class MemoryCounterStore(MemoryState state) : ICounterStore
{
    public ValueTask<CounterState> IncrementAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        now = StoreTime.Normalize(now);
        return state.Run(
            () =>
            {
                var next = state.Counters.TryGetValue(key, out var current) && current.WindowEndsAt > now
                    ? current with { Count = current.Count + 1 }
                    : new CounterState(1, StoreTime.Normalize(now + window));
                state.Journal.Set(state.Counters, key, next);
                return next;
            },
            cancellationToken);
    }

    public ValueTask<CounterState?> GetAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return state.Run(
            () => state.Counters.TryGetValue(key, out var current) && current.WindowEndsAt > now ? current : (CounterState?)null,
            cancellationToken);
    }

    public ValueTask<int> ResetAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        return state.Run(
            () =>
            {
                var keys = state.Counters.Keys.Where(k => k.StartsWith(keyPrefix, StringComparison.Ordinal)).ToList();
                keys.ForEach(k => state.Journal.Remove(state.Counters, k));
                return keys.Count;
            },
            cancellationToken);
    }

    public ValueTask<CounterState> ResetAndIncrementAsync(string resetPrefix, string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken) =>
        CounterKeys.ResetThenIncrementAsync(this, resetPrefix, key, now, window, cancellationToken);
}
