namespace Authsome.Store.Testing;

/// <summary>Conformance of <see cref="IAuthsomeStore.Counters"/>: fixed windows, atomic increments, prefix resets (alone and before an increment), purge.</summary>
public abstract class CounterStoreConformanceTests : StoreConformanceTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Increment_CountsWithinTheWindow_AndStartsAgainFromTheSecondItEnds()
    {
        var key = TestData.Unique("signin:");
        var ends = TestData.Now + Window;

        Assert.Equal(new CounterState(1, ends), await Store.Counters.IncrementAsync(key, TestData.Now, Window, Ct));
        Assert.Equal(new CounterState(2, ends), await Store.Counters.IncrementAsync(key, TestData.Now.AddMinutes(1), Window, Ct));
        Assert.Equal(new CounterState(3, ends), await Store.Counters.IncrementAsync(key, ends.AddMilliseconds(-1), Window, Ct));
        Assert.Equal(new CounterState(3, ends), await Store.Counters.GetAsync(key, ends.AddMilliseconds(-1), Ct));
        Assert.Null(await Store.Counters.GetAsync(key, ends, Ct));

        Assert.Equal(new CounterState(1, ends + Window), await Store.Counters.IncrementAsync(key, ends, Window, Ct));
        Assert.Null(await Store.Counters.GetAsync(TestData.Unique("absent:"), TestData.Now, Ct));
    }

    [Fact]
    public async Task Increment_NeverLosesACount_UnderConcurrency()
    {
        var key = TestData.Unique("burst:");

        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Store.Counters.IncrementAsync(key, TestData.Now, Window, Ct).AsTask()));

        Assert.Equal(Enumerable.Range(1, 20), counts.Select(c => c.Count).Order());
        Assert.Equal(20, (await Store.Counters.GetAsync(key, TestData.Now, Ct))!.Value.Count);
    }

    [Fact]
    public async Task Reset_DeletesEveryCounterWithThePrefix_AndNoOther()
    {
        var prefix = TestData.Unique("signin:user:");
        await Store.Counters.IncrementAsync(prefix + ":10.0.0.1", TestData.Now, Window, Ct);
        await Store.Counters.IncrementAsync(prefix + ":2001:db8::", TestData.Now, Window, Ct);
        var other = prefix.ToUpperInvariant() + "x";
        await Store.Counters.IncrementAsync(other, TestData.Now, Window, Ct);

        Assert.Equal(2, await Store.Counters.ResetAsync(prefix, Ct));

        Assert.Null(await Store.Counters.GetAsync(prefix + ":10.0.0.1", TestData.Now, Ct));
        Assert.NotNull(await Store.Counters.GetAsync(other, TestData.Now, Ct));
        Assert.Equal(0, await Store.Counters.ResetAsync(prefix, Ct));
    }

    [Theory]
    [InlineData("é", "ê")] // U+00E9, U+00EA
    [InlineData("\U0001F600", "\U0001F601")] // a surrogate pair in .NET's strings
    public async Task Reset_MatchesThePrefixByCodePoint_WhateverItsLastCharacter(string last, string next)
    {
        // A key one code point past the prefix stays; keys with any character after the prefix go.
        var stem = TestData.Unique("known:");
        var prefix = stem + last;
        string[] inside = [prefix, prefix + "a", prefix + "\uffff", prefix + "\U0001F600"];
        var past = stem + next;
        foreach (var key in inside.Append(past))
        {
            await Store.Counters.IncrementAsync(key, TestData.Now, Window, Ct);
        }

        Assert.Equal(inside.Length, await Store.Counters.ResetAsync(prefix, Ct));

        Assert.NotNull(await Store.Counters.GetAsync(past, TestData.Now, Ct));
    }

    [Fact]
    public async Task ResetAndIncrement_DeletesThePrefixsCounters_AndCountsTheKeyInItsWindow()
    {
        var prefix = TestData.Unique("signin:user:") + "|";
        await Store.Counters.IncrementAsync(prefix + "10.0.0.1", TestData.Now, Window, Ct);
        await Store.Counters.IncrementAsync(prefix + "2001:db8::", TestData.Now, Window, Ct);
        var other = TestData.Unique("signin:other:");
        await Store.Counters.IncrementAsync(other, TestData.Now, Window, Ct);
        var key = TestData.Unique("known:");
        var ends = TestData.Now + Window;

        Assert.Equal(new CounterState(1, ends), await Store.Counters.ResetAndIncrementAsync(prefix, key, TestData.Now, Window, Ct));

        Assert.Null(await Store.Counters.GetAsync(prefix + "10.0.0.1", TestData.Now, Ct));
        Assert.Null(await Store.Counters.GetAsync(prefix + "2001:db8::", TestData.Now, Ct));
        Assert.NotNull(await Store.Counters.GetAsync(other, TestData.Now, Ct));
        Assert.Equal(new CounterState(2, ends), await Store.Counters.ResetAndIncrementAsync(prefix, key, TestData.Now.AddMinutes(1), Window, Ct));
        Assert.Equal(new CounterState(1, ends + Window), await Store.Counters.ResetAndIncrementAsync(prefix, key, ends, Window, Ct));
        Assert.Equal(new CounterState(1, ends + Window), await Store.Counters.GetAsync(key, ends, Ct));
    }

    [Fact]
    public async Task ResetAndIncrement_RefusesAKeyThePrefixWouldDelete_AndChangesNothing()
    {
        var prefix = TestData.Unique("signin:user:");
        await Store.Counters.IncrementAsync(prefix + "|10.0.0.1", TestData.Now, Window, Ct);

        await Assert.ThrowsAsync<ArgumentException>(
            async () => await Store.Counters.ResetAndIncrementAsync(prefix, prefix + "|10.0.0.1", TestData.Now, Window, Ct));

        Assert.Equal(new CounterState(1, TestData.Now + Window), await Store.Counters.GetAsync(prefix + "|10.0.0.1", TestData.Now, Ct));
    }

    [Fact]
    public async Task Purge_RemovesCountersWhoseWindowEnded()
    {
        var ended = TestData.Unique("ended:");
        var live = TestData.Unique("live:");
        await Store.Counters.IncrementAsync(ended, TestData.Now.AddDays(-1), Window, Ct);
        await Store.Counters.IncrementAsync(live, TestData.Now, Window, Ct);

        await Store.PurgeExpiredAsync(TestData.Now, Ct);

        Assert.Equal(1, (await Store.Counters.IncrementAsync(ended, TestData.Now.AddDays(-1), Window, Ct)).Count);
        Assert.Equal(2, (await Store.Counters.IncrementAsync(live, TestData.Now, Window, Ct)).Count);
    }
}
