using System.Text.Json;
using System.Text.Json.Serialization;

namespace Authsome.Json;

/// <summary>The engine's JSON conventions: snake_case names, enums as snake_case strings.</summary>
internal static class AuthsomeJson
{
    /// <summary>Options for reading request bodies: as <see cref="Apply"/>, and unknown members are refused.</summary>
    public static readonly JsonSerializerOptions RequestOptions = CreateRequestOptions();

    /// <summary>Applies the naming conventions to the host's minimal-API options (responses and the OpenAPI document).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        if (!options.Converters.Any(c => c is JsonStringEnumConverter))
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        }
    }

    private static JsonSerializerOptions CreateRequestOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 8,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
        };
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
