using System.Collections.Immutable;
using System.Data.Common;

namespace Authsome.Store.Relational;

/// <summary>
/// Reads the current row of a result by column name, in the store's types: ids, secret hashes, timestamps,
/// enums and JSON columns. Timestamps go through the dialect, so the same mapping code reads both databases.
/// </summary>
public sealed class RowReader
{
    private readonly DbDataReader _reader;
    private readonly RelationalDialect _dialect;
    private readonly ColumnOrdinals? _columns;

    internal RowReader(DbDataReader reader, RelationalDialect dialect, ColumnOrdinals? columns = null)
    {
        _reader = reader;
        _dialect = dialect;
        _columns = columns;
    }

    /// <summary>
    /// The same row read by the positions of a known column list: one entity's columns of a join (whose names the
    /// other entity shares), or a hot read that skips the driver's lookup of each name.
    /// </summary>
    internal RowReader At(ColumnOrdinals columns) => new(_reader, _dialect, columns);

    /// <summary>A non-null text column.</summary>
    public string Text(string column) => _reader.GetString(Ordinal(column));

    /// <summary>A text column that may be NULL.</summary>
    public string? TextOrNull(string column)
    {
        var i = Ordinal(column);
        return _reader.IsDBNull(i) ? null : _reader.GetString(i);
    }

    /// <summary>A boolean column (an INTEGER 0/1 on SQLite).</summary>
    public bool Bool(string column) => _reader.GetBoolean(Ordinal(column));

    /// <summary>A boolean column that may be NULL.</summary>
    public bool? BoolOrNull(string column)
    {
        var i = Ordinal(column);
        return _reader.IsDBNull(i) ? null : _reader.GetBoolean(i);
    }

    /// <summary>A 32-bit integer column.</summary>
    public int Int(string column) => _reader.GetInt32(Ordinal(column));

    /// <summary>A 32-bit integer column that may be NULL.</summary>
    public int? IntOrNull(string column)
    {
        var i = Ordinal(column);
        return _reader.IsDBNull(i) ? null : _reader.GetInt32(i);
    }

    /// <summary>A 64-bit integer column that may be NULL.</summary>
    public long? LongOrNull(string column)
    {
        var i = Ordinal(column);
        return _reader.IsDBNull(i) ? null : _reader.GetInt64(i);
    }

    /// <summary>A timestamp column bound with <see cref="RelationalPluginContext.Time"/> (TIMESTAMPTZ on PostgreSQL, unix milliseconds on SQLite).</summary>
    public DateTimeOffset Time(string column) => _dialect.ReadTime(_reader, Ordinal(column));

    /// <summary>A timestamp column that may be NULL.</summary>
    public DateTimeOffset? TimeOrNull(string column)
    {
        var i = Ordinal(column);
        return _reader.IsDBNull(i) ? null : _dialect.ReadTime(_reader, i);
    }

    /// <summary>A TypeID text column.</summary>
    public Id<T> Id<T>(string column)
        where T : IHasIdPrefix => Store.Id<T>.Parse(Text(column));

    /// <summary>A TypeID text column that may be NULL.</summary>
    public Id<T>? IdOrNull<T>(string column)
        where T : IHasIdPrefix => TextOrNull(column) is { } text ? Store.Id<T>.Parse(text) : null;

    /// <summary>A SHA-256 hex column.</summary>
    public SecretHash Hash(string column) => SecretHash.FromHex(Text(column));

    /// <summary>A SHA-256 hex column that may be NULL.</summary>
    public SecretHash? HashOrNull(string column) => TextOrNull(column) is { } hex ? SecretHash.FromHex(hex) : null;

    /// <summary>An enum stored as its snake_case name.</summary>
    public TEnum Enum<TEnum>(string column)
        where TEnum : struct, Enum => EnumText.Parse<TEnum>(Text(column));

    /// <summary>An enum stored as its snake_case name, or NULL.</summary>
    public TEnum? EnumOrNull<TEnum>(string column)
        where TEnum : struct, Enum => TextOrNull(column) is { } text ? EnumText.Parse<TEnum>(text) : null;

    /// <summary>A JSON object of strings.</summary>
    public ImmutableDictionary<string, string> Map(string column) => JsonColumn.ReadMap(Text(column));

    /// <summary>A JSON array of strings.</summary>
    public ImmutableArray<string> Strings(string column) => JsonColumn.ReadList<string>(Text(column));

    /// <summary>A JSON array.</summary>
    public ImmutableArray<T> List<T>(string column) => JsonColumn.ReadList<T>(Text(column));

    /// <summary>A duration stored as milliseconds, or NULL.</summary>
    public TimeSpan? DurationOrNull(string column) => LongOrNull(column) is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    private int Ordinal(string column) => _columns is null ? _reader.GetOrdinal(column) : _columns[column];
}
