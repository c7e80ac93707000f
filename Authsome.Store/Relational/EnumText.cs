using System.Collections.Concurrent;
using System.Text;

namespace Authsome.Store.Relational;

/// <summary>
/// Enums are stored as snake_case names (<c>magic_link</c>, <c>production</c>), not numbers: readable in the
/// database and unaffected if members are ever reordered.
/// </summary>
internal static class EnumText
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Names.GetOrAdd(value, static v => ToSnakeCase(v.ToString()));

    public static string? Of<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? Of(v) : null;

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        System.Enum.TryParse<TEnum>(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var value)
        && System.Enum.IsDefined(value)
            ? value
            : throw new FormatException($"'{text}' is not a stored {typeof(TEnum).Name}.");

    private static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
