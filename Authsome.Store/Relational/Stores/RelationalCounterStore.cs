namespace Authsome.Store.Relational;

internal sealed class RelationalCounterStore(RelationalDatabase db) : ICounterStore
{
    private const string Entity = "counter";

    // One statement, so concurrent increments serialise on the row: a window that ended starts again at one.
    private const string Increment =
        """
        INSERT INTO authsome_counters (key, hits, window_ends_at) VALUES (@key, 1, @ends)
        ON CONFLICT (key) DO UPDATE SET
            hits = CASE WHEN authsome_counters.window_ends_at <= @now THEN 1 ELSE authsome_counters.hits + 1 END,
            window_ends_at = CASE WHEN authsome_counters.window_ends_at <= @now THEN @ends ELSE authsome_counters.window_ends_at END
        RETURNING hits, window_ends_at
        """;

    private RelationalDialect D => db.Dialect;

    public async ValueTask<CounterState> IncrementAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        now = StoreTime.Normalize(now);
        var args = new { key, now = D.Time(now), ends = D.Time(StoreTime.Normalize(now + window)) };
        var row = await db.WriteAsync(Entity, s => s.QueryFirstAsync(Increment, args, Map, cancellationToken), cancellationToken).ConfigureAwait(false);
        return row!.Item1;
    }

    public async ValueTask<CounterState?> GetAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var row = await db.ReadAsync(
            Entity,
            s => s.QueryFirstAsync(
                "SELECT hits, window_ends_at FROM authsome_counters WHERE key = @key AND window_ends_at > @now",
                new { key, now = D.Time(StoreTime.Normalize(now)) },
                Map,
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return row?.Item1;
    }

    public async ValueTask<int> ResetAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        return await db.WriteAsync(
            Entity,
            // Not LIKE: SQLite's LIKE ignores case, and a prefix must match exactly.
            s => s.ExecuteAsync("DELETE FROM authsome_counters WHERE substr(key, 1, @length) = @prefix", new { prefix = keyPrefix, length = keyPrefix.Length }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    // QueryFirstAsync maps to a reference type; the tuple carries the value out.
    private static Tuple<CounterState> Map(RowReader r) => Tuple.Create(new CounterState(r.Int("hits"), r.Time("window_ends_at")));
}
