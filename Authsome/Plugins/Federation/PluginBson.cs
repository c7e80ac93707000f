using MongoDB.Bson;

namespace Authsome.Plugins.Federation;

/// <summary>Reading and writing the federation plugins' MongoDB documents: times as BSON dates (UTC milliseconds), absent values as null.</summary>
internal static class PluginBson
{
    public static BsonValue Date(DateTimeOffset value) => new BsonDateTime(value.ToUnixTimeMilliseconds());

    public static BsonValue Date(DateTimeOffset? value) => value is { } v ? Date(v) : BsonNull.Value;

    public static BsonValue Text(string? value) => value is null ? BsonNull.Value : new BsonString(value);

    public static DateTimeOffset ReadDate(this BsonDocument document, string name) =>
        DateTimeOffset.FromUnixTimeMilliseconds(document[name].AsBsonDateTime.MillisecondsSinceEpoch);

    public static DateTimeOffset? ReadOptionalDate(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && !value.IsBsonNull ? DateTimeOffset.FromUnixTimeMilliseconds(value.AsBsonDateTime.MillisecondsSinceEpoch) : null;

    public static string? ReadOptionalText(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && !value.IsBsonNull ? value.AsString : null;
}
