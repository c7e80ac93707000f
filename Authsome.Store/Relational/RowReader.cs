using System.Collections.Immutable;
using System.Data.Common;

namespace Authsome.Store.Relational;

/// <summary>
/// Reads the current row of a result by column name, in the store's types: ids, secret hashes, timestamps,
/// enums and JSON columns. Timestamps go through the dialect, so the same mapping code reads both databases.
/// </summary>
internal sealed class RowReader(DbDataReader reader, RelationalDialect dialect)
{
    public string Text(string column) => reader.GetString(reader.GetOrdinal(column));

    public string? TextOrNull(string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetString(i);
    }

    public bool Bool(string column) => reader.GetBoolean(reader.GetOrdinal(column));

    public bool? BoolOrNull(string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetBoolean(i);
    }

    public int Int(string column) => reader.GetInt32(reader.GetOrdinal(column));

    public int? IntOrNull(string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetInt32(i);
    }

    public long? LongOrNull(string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : reader.GetInt64(i);
    }

    public DateTimeOffset Time(string column) => dialect.ReadTime(reader, reader.GetOrdinal(column));

    public DateTimeOffset? TimeOrNull(string column)
    {
        var i = reader.GetOrdinal(column);
        return reader.IsDBNull(i) ? null : dialect.ReadTime(reader, i);
    }

    public Id<T> Id<T>(string column)
        where T : IHasIdPrefix => Store.Id<T>.Parse(Text(column));

    public Id<T>? IdOrNull<T>(string column)
        where T : IHasIdPrefix => TextOrNull(column) is { } text ? Store.Id<T>.Parse(text) : null;

    public SecretHash Hash(string column) => SecretHash.FromHex(Text(column));

    public SecretHash? HashOrNull(string column) => TextOrNull(column) is { } hex ? SecretHash.FromHex(hex) : null;

    public TEnum Enum<TEnum>(string column)
        where TEnum : struct, Enum => EnumText.Parse<TEnum>(Text(column));

    public TEnum? EnumOrNull<TEnum>(string column)
        where TEnum : struct, Enum => TextOrNull(column) is { } text ? EnumText.Parse<TEnum>(text) : null;

    public ImmutableDictionary<string, string> Map(string column) => JsonColumn.ReadMap(Text(column));

    public ImmutableArray<string> Strings(string column) => JsonColumn.ReadList<string>(Text(column));

    public ImmutableArray<T> List<T>(string column) => JsonColumn.ReadList<T>(Text(column));

    public TimeSpan? DurationOrNull(string column) => LongOrNull(column) is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
}
