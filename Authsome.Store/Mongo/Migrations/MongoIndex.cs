namespace Authsome.Store.Mongo;

/// <summary>One key of an index: a field, ascending unless <paramref name="Descending"/>.</summary>
public readonly record struct MongoIndexKey(string Field, bool Descending = false)
{
    internal string Canonical => $"{Field}:{(Descending ? -1 : 1)}";
}

/// <summary>
/// An index a <see cref="MongoMigrationScript"/> creates: plain data (name, keys, options), so the script's checksum
/// is a digest of what it does and never depends on how a driver version renders a command.
/// </summary>
public sealed record MongoIndex
{
    /// <summary>An index on fields in ascending order.</summary>
    public MongoIndex(string name, params IEnumerable<string> ascendingFields)
        : this(name, (ascendingFields ?? throw new ArgumentNullException(nameof(ascendingFields))).Select(f => new MongoIndexKey(f)))
    {
    }

    /// <summary>An index on the given keys, in order.</summary>
    public MongoIndex(string name, IEnumerable<MongoIndexKey> keys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(keys);
        Name = name;
        Keys = [.. keys];
        if (Keys.Count == 0 || Keys.Any(k => string.IsNullOrWhiteSpace(k.Field)))
        {
            throw new ArgumentException($"Index {name} needs at least one key, each naming a field.", nameof(keys));
        }
    }

    /// <summary>The index name: what duplicate-key errors report, so keep it unique across the database.</summary>
    public string Name { get; }

    public IReadOnlyList<MongoIndexKey> Keys { get; }

    /// <summary>Whether two documents may not share the indexed values.</summary>
    public bool Unique { get; init; }

    /// <summary>
    /// A partial filter in MongoDB extended JSON (e.g. <c>{ "deleted_at": { "$type": "null" } }</c>): only documents
    /// matching it are indexed, so uniqueness applies among them only.
    /// </summary>
    public string? PartialFilter { get; init; }

    /// <summary>
    /// Makes this a TTL index: a document is removed once the (date) field is older than this, by the server's
    /// background monitor (which runs about once a minute). Whole seconds, zero or more.
    /// </summary>
    public TimeSpan? ExpireAfter
    {
        get;
        init
        {
            if (value is { } v && (v < TimeSpan.Zero || v.Ticks % TimeSpan.TicksPerSecond != 0))
            {
                throw new ArgumentOutOfRangeException(nameof(ExpireAfter), v, "A TTL is a whole number of seconds, zero or more.");
            }

            field = value;
        }
    }

    internal string Canonical =>
        $"{Name} keys=[{string.Join(",", Keys.Select(k => k.Canonical))}] unique={(Unique ? "true" : "false")}"
        + (PartialFilter is { } filter ? $" partial={filter.Trim()}" : string.Empty)
        + (ExpireAfter is { } ttl ? $" expireAfterSeconds={(long)ttl.TotalSeconds}" : string.Empty);
}
