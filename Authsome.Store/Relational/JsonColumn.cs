using System.Collections.Immutable;
using System.Text.Json;

namespace Authsome.Store.Relational;

/// <summary>
/// Maps and lists are stored as JSON documents (JSONB on PostgreSQL, TEXT on SQLite). Empty values read back as
/// the shared empty instances, so an entity read from the database equals the one that was written.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string Map(ImmutableDictionary<string, string> map) =>
        JsonSerializer.Serialize<IReadOnlyDictionary<string, string>>(map, Options);

    public static string List<T>(ImmutableArray<T> list) =>
        JsonSerializer.Serialize<IReadOnlyList<T>>(list.IsDefault ? [] : list, Options);

    public static ImmutableDictionary<string, string> ReadMap(string json)
    {
        // Most rows hold no metadata, and a user's row is read on every authenticated request: no parser for "{}".
        if (json is "{}")
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options);
        return map is null || map.Count == 0 ? ImmutableDictionary<string, string>.Empty : map.ToImmutableDictionary();
    }

    public static ImmutableArray<T> ReadList<T>(string json)
    {
        if (json is "[]")
        {
            return ImmutableArray<T>.Empty;
        }

        var list = JsonSerializer.Deserialize<T[]>(json, Options);
        return list is null || list.Length == 0 ? ImmutableArray<T>.Empty : [.. list];
    }
}
