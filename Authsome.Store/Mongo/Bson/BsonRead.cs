using System.Collections.Immutable;
using System.Globalization;
using MongoDB.Bson;

namespace Authsome.Store.Mongo;

/// <summary>
/// Reads model values back from stored documents. A field that is missing or of the wrong type means the
/// document was not written by this store; that is reported as a <see cref="StoreException"/>, never as a
/// driver or cast exception.
/// </summary>
internal static class BsonRead
{
    public static string Text(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsString ? value.AsString : throw Corrupt(document, name);

    public static string? OptionalText(this BsonDocument document, string name) =>
        !document.TryGetValue(name, out var value) || value.IsBsonNull ? null
        : value.IsString ? value.AsString
        : throw Corrupt(document, name);

    public static Id<T> Id<T>(this BsonDocument document, string name)
        where T : IHasIdPrefix =>
        Store.Id<T>.TryParse(document.Text(name), out var id) ? id : throw Corrupt(document, name);

    public static Id<T>? OptionalId<T>(this BsonDocument document, string name)
        where T : IHasIdPrefix =>
        document.OptionalText(name) is not { } text ? null
        : Store.Id<T>.TryParse(text, out var id) ? id
        : throw Corrupt(document, name);

    public static SecretHash Hash(this BsonDocument document, string name) =>
        ParseHash(document, name, document.Text(name));

    public static SecretHash? OptionalHash(this BsonDocument document, string name) =>
        document.OptionalText(name) is { } text ? ParseHash(document, name, text) : null;

    public static DateTimeOffset Date(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsValidDateTime
            ? DateTimeOffset.FromUnixTimeMilliseconds(value.AsBsonDateTime.MillisecondsSinceEpoch)
            : throw Corrupt(document, name);

    public static DateTimeOffset? OptionalDate(this BsonDocument document, string name) =>
        !document.TryGetValue(name, out var value) || value.IsBsonNull ? null : document.Date(name);

    public static bool Bool(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsBoolean ? value.AsBoolean : throw Corrupt(document, name);

    public static bool? OptionalBool(this BsonDocument document, string name) =>
        !document.TryGetValue(name, out var value) || value.IsBsonNull ? null : document.Bool(name);

    /// <summary>An int32; counters grown with <c>$inc</c> stay int32, but a value widened by hand is accepted while it fits.</summary>
    public static int Int(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && value.IsNumeric && value.ToInt64() is var n && n is >= int.MinValue and <= int.MaxValue
            ? (int)n
            : throw Corrupt(document, name);

    public static int? OptionalInt(this BsonDocument document, string name) =>
        !document.TryGetValue(name, out var value) || value.IsBsonNull ? null : document.Int(name);

    public static double? OptionalDouble(this BsonDocument document, string name) =>
        !document.TryGetValue(name, out var value) || value.IsBsonNull ? null
        : value.IsNumeric ? value.ToDouble()
        : throw Corrupt(document, name);

    public static TimeSpan? OptionalDuration(this BsonDocument document, string name) =>
        document.OptionalText(name) is not { } text ? null
        : TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var duration) ? duration
        : throw Corrupt(document, name);

    public static TEnum Enum<TEnum>(this BsonDocument document, string name)
        where TEnum : struct, Enum =>
        EnumNames<TEnum>.TryParse(document.Text(name), out var value) ? value : throw Corrupt(document, name);

    public static TEnum? OptionalEnum<TEnum>(this BsonDocument document, string name)
        where TEnum : struct, Enum =>
        document.OptionalText(name) is null ? null : document.Enum<TEnum>(name);

    public static ImmutableDictionary<string, string> Map(this BsonDocument document, string name)
    {
        if (!document.TryGetValue(name, out var value) || value.IsBsonNull)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        if (!value.IsBsonDocument)
        {
            throw Corrupt(document, name);
        }

        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var element in value.AsBsonDocument)
        {
            builder[element.Name] = element.Value.IsString ? element.Value.AsString : throw Corrupt(document, name);
        }

        return builder.ToImmutable();
    }

    public static ImmutableArray<string> Strings(this BsonDocument document, string name)
    {
        if (!document.TryGetValue(name, out var value) || value.IsBsonNull)
        {
            return [];
        }

        return value.IsBsonArray
            ? [.. value.AsBsonArray.Select(v => v.IsString ? v.AsString : throw Corrupt(document, name))]
            : throw Corrupt(document, name);
    }

    public static BsonArray Array(this BsonDocument document, string name) =>
        !document.TryGetValue(name, out var value) || value.IsBsonNull ? []
        : value.IsBsonArray ? value.AsBsonArray
        : throw Corrupt(document, name);

    private static SecretHash ParseHash(BsonDocument document, string name, string text)
    {
        try
        {
            return SecretHash.FromHex(text);
        }
        catch (FormatException)
        {
            throw Corrupt(document, name);
        }
    }

    // The id is safe to name (it is no secret); the value is not echoed.
    private static StoreException Corrupt(BsonDocument document, string name) =>
        new($"A stored document ({(document.TryGetValue("_id", out var id) ? id.ToString() : "no _id")}) has a missing or malformed '{name}' field; it was not written by this store.");
}
