namespace Authsome.Store.Testing;

/// <summary>Assertions the conformance tests share.</summary>
public static class StoreAssert
{
    /// <summary>
    /// Asserts that <paramref name="actual"/> is present and holds the same values as <paramref name="expected"/>,
    /// comparing collections by content (a backend returns new collection instances, so record equality,
    /// which compares them by reference, would be too strict).
    /// </summary>
    public static T Same<T>(T expected, T? actual)
        where T : class
    {
        Assert.NotNull(actual);
        Assert.Equivalent(expected, actual, strict: true);
        return actual;
    }

    /// <summary>Asserts that the write throws <see cref="StoreConflictException"/> of the given kind.</summary>
    public static async Task<StoreConflictException> ConflictAsync(ConflictKind kind, Func<ValueTask> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var exception = await Assert.ThrowsAsync<StoreConflictException>(async () => await write());
        Assert.Equal(kind, exception.Kind);
        return exception;
    }

    /// <summary>Asserts that the write throws <see cref="StoreNotFoundException"/>.</summary>
    public static Task<StoreNotFoundException> NotFoundAsync(Func<ValueTask> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return Assert.ThrowsAsync<StoreNotFoundException>(async () => await write());
    }

    /// <summary>Asserts the ids of <paramref name="actual"/> are exactly <paramref name="expected"/>, in that order.</summary>
    public static void Ids<T>(IEnumerable<Id<T>> expected, IEnumerable<Id<T>> actual)
        where T : IHasIdPrefix =>
        Assert.Equal(expected.Select(id => id.ToString()), actual.Select(id => id.ToString()));

    /// <summary>The ids in the order every list returns them: ascending, as strings.</summary>
    public static IEnumerable<Id<T>> InIdOrder<T>(this IEnumerable<Id<T>> ids)
        where T : IHasIdPrefix =>
        ids.OrderBy(id => id.ToString(), StringComparer.Ordinal);

    /// <summary>Runs <paramref name="count"/> copies of <paramref name="operation"/> at once and returns their results.</summary>
    public static async Task<T[]> ConcurrentlyAsync<T>(int count, Func<int, Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, count)
            .Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await operation(i);
            }))
            .ToArray();
        start.Set();
        return await Task.WhenAll(tasks);
    }
}
