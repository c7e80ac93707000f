namespace Authsome.Store.Testing;

/// <summary>
/// Values that break stores which build queries from strings: SQL and LIKE metacharacters, regular expression
/// and MongoDB operator syntax, very long text and non-ASCII text. Every one must round-trip exactly.
/// </summary>
public static class HostileStrings
{
    /// <summary>Ten thousand characters.</summary>
    public static readonly string VeryLong = string.Concat(Enumerable.Repeat("0123456789", 1000));

    /// <summary>Short hostile values, usable in indexed columns (slugs, emails, keys).</summary>
    public static readonly IReadOnlyList<string> Short =
    [
        "' OR 1=1 --",
        "'; DROP TABLE users; --",
        "%",
        "_",
        "%_%",
        ".*",
        "^$",
        "(?i)a+",
        "\\",
        "\\'",
        "$where",
        "{\"$gt\":\"\"}",
        "a.b.c",
        "{{template}}",
        "<script>alert(1)</script>",
        "👩‍💻🔐",
        "مرحبا بالعالم",
        "e\u0301le\u0300ve",
        "Ǆ ǅ ǆ ß İ ı",
        "tab\tand\nnewline",
    ];

    /// <summary>Every hostile value, the very long one included.</summary>
    public static IEnumerable<string> All => Short.Append(VeryLong);
}
