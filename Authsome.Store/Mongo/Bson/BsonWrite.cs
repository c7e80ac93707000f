using System.Collections.Immutable;
using MongoDB.Bson;

namespace Authsome.Store.Mongo;

/// <summary>
/// How model values become BSON, written out by hand rather than through the driver's class maps: the mapping
/// never depends on global serializer registrations (which would change how other code in the process
/// serializes the same types), and a field's representation cannot drift with a driver upgrade.
/// </summary>
internal static class BsonWrite
{
    public static BsonValue Text(string? value) => value is null ? BsonNull.Value : new BsonString(value);

    public static BsonValue Id<T>(Id<T> id)
        where T : IHasIdPrefix => new BsonString(id.ToString());

    public static BsonValue Id<T>(Id<T>? id)
        where T : IHasIdPrefix => id is { } value ? new BsonString(value.ToString()) : BsonNull.Value;

    public static BsonValue Hash(SecretHash hash) => new BsonString(hash.Hex);

    public static BsonValue Hash(SecretHash? hash) => hash is { } value ? new BsonString(value.Hex) : BsonNull.Value;

    /// <summary>A BSON date (milliseconds since the epoch, UTC): what the model's <see cref="StoreTime"/> keeps.</summary>
    public static BsonValue Date(DateTimeOffset value) => new BsonDateTime(value.ToUnixTimeMilliseconds());

    public static BsonValue Date(DateTimeOffset? value) => value is { } v ? Date(v) : BsonNull.Value;

    public static BsonValue Int(int? value) => value is { } v ? new BsonInt32(v) : BsonNull.Value;

    public static BsonValue Double(double? value) => value is { } v ? new BsonDouble(v) : BsonNull.Value;

    public static BsonValue Bool(bool? value) => value is { } v ? (BsonValue)v : BsonNull.Value;

    /// <summary>A duration in the invariant constant format ("c", e.g. <c>00:15:00</c>): exact to the tick and readable.</summary>
    public static BsonValue Duration(TimeSpan? value) =>
        value is { } v ? new BsonString(v.ToString("c", System.Globalization.CultureInfo.InvariantCulture)) : BsonNull.Value;

    /// <summary>An enum as its snake_case name (<c>MagicLink</c> becomes <c>magic_link</c>).</summary>
    public static BsonValue Enum<TEnum>(TEnum value)
        where TEnum : struct, Enum => new BsonString(EnumNames<TEnum>.ToName(value));

    public static BsonValue Enum<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Enum(v) : BsonNull.Value;

    /// <summary>A string map as a subdocument, keys in ordinal order so equal maps give equal documents.</summary>
    public static BsonDocument Map(ImmutableDictionary<string, string> map)
    {
        var document = new BsonDocument(allowDuplicateNames: false);
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            document.Add(key, new BsonString(value));
        }

        return document;
    }

    public static BsonArray Strings(ImmutableArray<string> values) =>
        values.IsDefault ? [] : new BsonArray(values.Select(v => new BsonString(v)));
}
