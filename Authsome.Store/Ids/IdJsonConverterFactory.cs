using System.Text.Json;
using System.Text.Json.Serialization;

namespace Authsome.Store;

/// <summary>Writes ids as their TypeID string and reads them back, rejecting ids of another entity.</summary>
public sealed class IdJsonConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Id<>);

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(IdJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class IdJsonConverter<T> : JsonConverter<Id<T>>
        where T : IHasIdPrefix
    {
        public override Id<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a {T.IdPrefix} id string.");
            }

            return Id<T>.TryParse(reader.GetString(), out var id)
                ? id
                : throw new JsonException($"Not a valid {T.IdPrefix} id.");
        }

        public override void Write(Utf8JsonWriter writer, Id<T> value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
