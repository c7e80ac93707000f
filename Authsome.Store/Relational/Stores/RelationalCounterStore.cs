using System.Text;

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

    private const string Reset = "DELETE FROM authsome_counters WHERE key >= @prefix AND key < @end";

    // The reset rides in the increment's statement; the keys are disjoint, so neither half sees the other's row.
    private const string ResetAndIncrement = "WITH reset AS (" + Reset + ")\n" + Increment;

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
        // A range on the primary key, not substr(key, ...) = @prefix (a scan of every counter on each successful sign-in)
        // nor LIKE (SQLite's ignores case; a prepared one cannot use the index): keys compare by code point on both
        // databases (COLLATE "C" on PostgreSQL, BINARY on SQLite), so the keys with the prefix are exactly those in it.
        return await db.WriteAsync(
            Entity,
            s => s.ExecuteAsync(Reset, new { prefix = keyPrefix, end = PrefixEnd(keyPrefix) }, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<CounterState> ResetAndIncrementAsync(string resetPrefix, string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken) =>
        D.WritesInWith
            ? ResetAndIncrementInOneStatementAsync(resetPrefix, key, now, window, cancellationToken)
            : CounterKeys.ResetThenIncrementAsync(this, resetPrefix, key, now, window, cancellationToken);

    private async ValueTask<CounterState> ResetAndIncrementInOneStatementAsync(string resetPrefix, string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        CounterKeys.EnsureOutside(resetPrefix, key);
        now = StoreTime.Normalize(now);
        var args = new { prefix = resetPrefix, end = PrefixEnd(resetPrefix), key, now = D.Time(now), ends = D.Time(StoreTime.Normalize(now + window)) };
        var row = await db.WriteAsync(Entity, s => s.QueryFirstAsync(ResetAndIncrement, args, Map, cancellationToken), cancellationToken).ConfigureAwait(false);
        return row!.Item1;
    }

    /// <summary>The least string greater than every string starting with <paramref name="prefix"/>: its last character, one code point up.</summary>
    internal static string PrefixEnd(string prefix)
    {
        var last = Rune.GetRuneAt(prefix, prefix.Length - (char.IsLowSurrogate(prefix[^1]) && prefix.Length > 1 ? 2 : 1));
        // Past the last code point there is nothing to bound; no engine key ends with U+10FFFF.
        if (last.Value == 0x10FFFF)
        {
            throw new ArgumentException("A counter key prefix must not end with U+10FFFF.", nameof(prefix));
        }

        // The surrogate range holds no code point: the one after U+D7FF is U+E000.
        var next = last.Value == 0xD7FF ? new Rune(0xE000) : new Rune(last.Value + 1);
        return string.Concat(prefix.AsSpan(0, prefix.Length - last.Utf16SequenceLength), next.ToString());
    }

    // QueryFirstAsync maps to a reference type; the tuple carries the value out.
    private static Tuple<CounterState> Map(RowReader r) => Tuple.Create(new CounterState(r.Int("hits"), r.Time("window_ends_at")));
}
