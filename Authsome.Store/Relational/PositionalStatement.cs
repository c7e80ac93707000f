using System.Globalization;
using System.Text.RegularExpressions;

namespace Authsome.Store.Relational;

/// <summary>
/// A statement written with named <c>@parameters</c>, rewritten once to positional <c>$n</c> placeholders (each name
/// numbered in the order of its first use), for a hot write whose parameters are then bound by position. Npgsql
/// rewrites named placeholders on every execution; bound by position, it sends the text as it is. The statement must
/// not contain <c>@</c> inside a string literal.
/// </summary>
internal sealed partial class PositionalStatement
{
    private PositionalStatement(string text, IReadOnlyList<string> names) => (Text, Names) = (text, names);

    /// <summary>The statement with <c>$1</c>, <c>$2</c>, ... in place of its named parameters.</summary>
    public string Text { get; }

    /// <summary>The parameters' names, the first bound to <c>$1</c>.</summary>
    public IReadOnlyList<string> Names { get; }

    public static PositionalStatement From(string namedSql)
    {
        var names = new List<string>();
        var text = Placeholder().Replace(namedSql, match =>
        {
            var index = names.IndexOf(match.Groups[1].Value);
            if (index < 0)
            {
                names.Add(match.Groups[1].Value);
                index = names.Count - 1;
            }

            return "$" + (index + 1).ToString(CultureInfo.InvariantCulture);
        });
        return new PositionalStatement(text, names);
    }

    [GeneratedRegex(@"(?<![@\w])@([A-Za-z_]\w*)", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
