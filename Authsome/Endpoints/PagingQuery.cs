using System.Globalization;
using Authsome.Accounts;
using Authsome.Store;

namespace Authsome.Endpoints;

/// <summary>Keyset paging from the query string: <c>cursor</c> (the previous page's <c>next_cursor</c>) and <c>limit</c> (1 to 100, default 50).</summary>
internal static class PagingQuery
{
    public const int MaxLimit = 100;

    public static PageRequest Parse(string? cursor, string? limit)
    {
        var size = PageRequest.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            throw InputRules.Invalid("limit", $"Must be a whole number from 1 to {MaxLimit}.");
        }

        return new PageRequest(cursor is { Length: > 100 } ? throw InputRules.Invalid("cursor", "Not a cursor of this list.") : cursor, size);
    }

    /// <summary>The cursor as an id of the listed entity; a foreign cursor is a validation failure, not a 500.</summary>
    public static Id<T>? CursorAfter<T>(this PageRequest page)
        where T : IHasIdPrefix
    {
        try
        {
            return page.After<T>();
        }
        catch (ArgumentException)
        {
            throw InputRules.Invalid("cursor", "Not a cursor of this list.");
        }
    }
}
