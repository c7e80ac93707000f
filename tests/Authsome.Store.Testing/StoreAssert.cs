using System.Collections;
using System.Reflection;

namespace Authsome.Store.Testing;

/// <summary>Assertions the conformance tests share.</summary>
public static class StoreAssert
{
    /// <summary>
    /// Asserts that <paramref name="actual"/> is present and holds the same values as <paramref name="expected"/>:
    /// properties compared recursively, lists element by element in order, dictionaries by content. A backend
    /// returns new collection instances, so record equality (which compares collections by reference) would be
    /// too strict, and xunit's <c>Assert.Equivalent</c> (which ignores order) too lenient.
    /// </summary>
    public static T Same<T>(T expected, T? actual)
        where T : class
    {
        Assert.NotNull(actual);
        if (Difference(expected, actual, typeof(T).Name) is { } difference)
        {
            Assert.Fail(difference);
        }

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

    private static string? Difference(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}.";
        }

        if (expected.GetType() != actual.GetType())
        {
            return $"{path}: expected a {expected.GetType().Name}, got a {actual.GetType().Name}.";
        }

        switch (expected)
        {
            case string:
                return Equals(expected, actual) ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}.";
            case IDictionary expectedMap:
                var actualMap = (IDictionary)actual;
                if (expectedMap.Count != actualMap.Count)
                {
                    return $"{path}: expected {expectedMap.Count} entries, got {actualMap.Count}.";
                }

                foreach (DictionaryEntry entry in expectedMap)
                {
                    var entryPath = $"{path}[{Show(entry.Key)}]";
                    if (!actualMap.Contains(entry.Key))
                    {
                        return $"{entryPath}: missing.";
                    }

                    if (Difference(entry.Value, actualMap[entry.Key], entryPath) is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case IEnumerable expectedItems:
                var expectedList = expectedItems.Cast<object?>().ToList();
                var actualList = ((IEnumerable)actual).Cast<object?>().ToList();
                if (expectedList.Count != actualList.Count)
                {
                    return $"{path}: expected {expectedList.Count} items, got {actualList.Count}.";
                }

                return expectedList
                    .Select((item, i) => Difference(item, actualList[i], $"{path}[{i}]"))
                    .FirstOrDefault(d => d is not null);
            case ValueType:
                // Ids, hashes, times, numbers: value equality is exactly what round-tripping must keep.
                return Equals(expected, actual) ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}.";
            default:
                return expected.GetType()
                    .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0)
                    .Select(p => Difference(p.GetValue(expected), p.GetValue(actual), $"{path}.{p.Name}"))
                    .FirstOrDefault(d => d is not null);
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string { Length: > 80 } s => $"\"{s[..80]}…\" ({s.Length} chars)",
        string s => $"\"{s}\"",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
