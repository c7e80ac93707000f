namespace Authsome.Store;

/// <summary>
/// One page of a keyset-paginated list. Lists are ordered by id (that is, by creation time); the cursor
/// is the id of the last item of the previous page, taken from <see cref="Page{T}.NextCursor"/>.
/// </summary>
public readonly record struct PageRequest
{
    /// <summary>The page size when none is given.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The largest page a store returns.</summary>
    public const int MaxLimit = 500;

    /// <summary>Creates a request; throws when <paramref name="limit"/> is outside 1..<see cref="MaxLimit"/>.</summary>
    public PageRequest(string? cursor = null, int limit = DefaultLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        Cursor = string.IsNullOrEmpty(cursor) ? null : cursor;
        this.limit = limit;
    }

    /// <summary>Where the page starts (exclusive), or null for the first page.</summary>
    public string? Cursor { get; }

    // Zero only in default(PageRequest) (also what `new PageRequest()` makes), which means the first page of the default size.
    private readonly int limit;

    /// <summary>How many items at most.</summary>
    public int Limit => limit == 0 ? DefaultLimit : limit;

    /// <summary>The first page of the default size.</summary>
    public static PageRequest First => new(null, DefaultLimit);

    /// <summary>
    /// The cursor as an id of the listed entity, or null on the first page. A cursor that is not such an
    /// id throws <see cref="ArgumentException"/> (callers answer it as bad input).
    /// </summary>
    public Id<T>? After<T>()
        where T : IHasIdPrefix =>
        Cursor is null ? null
        : Id<T>.TryParse(Cursor, out var id) ? id
        : throw new ArgumentException("The cursor is not valid for this list.", nameof(Cursor));
}
