namespace Authsome.Store.Relational;

/// <summary>Escapes text for a <c>LIKE ... ESCAPE '\'</c> pattern, so a search matches literally.</summary>
internal static class Like
{
    public static string Escape(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
