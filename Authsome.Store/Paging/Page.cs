namespace Authsome.Store;

/// <summary>
/// A page of a list. <see cref="NextCursor"/> is the id of the last item when more items follow, else
/// null. <see cref="Total"/> counts every item matching the filter, across all pages.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, long Total);

/// <summary>Builds pages the same way in every backend.</summary>
public static class Page
{
    /// <summary>
    /// Makes a page from up to <c>limit + 1</c> rows read in id order: the extra row only proves that
    /// another page exists; the cursor is the id of the last row returned, so nothing is skipped.
    /// </summary>
    public static Page<T> FromOverfetch<T>(IReadOnlyList<T> rows, PageRequest request, long total, Func<T, string> idOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(idOf);
        if (rows.Count <= request.Limit)
        {
            return new Page<T>(rows, null, total);
        }

        var items = rows.Take(request.Limit).ToArray();
        return new Page<T>(items, idOf(items[^1]), total);
    }
}
