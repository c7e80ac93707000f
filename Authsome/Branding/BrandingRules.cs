using System.Text.RegularExpressions;

namespace Authsome.Branding;

/// <summary>
/// The shapes branding values must have, wherever they come from (the app's settings, an organization's stored
/// branding): each ends up in markup or a stylesheet, so each is held to a shape that cannot break out of it.
/// </summary>
internal static partial class BrandingRules
{
    public const int MaxCustomCssLength = 50_000;

    /// <summary>The values' problems, each as the value's name (<c>LogoUrl</c>, <c>Colors:primary</c>) and what it must be.</summary>
    public static List<(string Field, string Problem)> Check(string? logoUrl, string? fontFamily, IEnumerable<KeyValuePair<string, string>> colors,
        string? companyName, string? tagline, string? customCss)
    {
        var problems = new List<(string, string)>();
        if (logoUrl is not null && !IsSafeImageUrl(logoUrl))
        {
            problems.Add(("LogoUrl", "must be an absolute https URL or a local path."));
        }

        if (fontFamily is not null && !FontShape().IsMatch(fontFamily))
        {
            problems.Add(("FontFamily", "must be font names of letters, digits, spaces and '-', separated by commas."));
        }

        foreach (var (key, value) in colors)
        {
            if (!ColorName().IsMatch(key) || !HexColor().IsMatch(value))
            {
                problems.Add(("Colors:" + key, "must be named with lowercase letters, digits and '-', and be a hex colour (#336699)."));
            }
        }

        Text(problems, "CompanyName", companyName, 100);
        Text(problems, "Tagline", tagline, 200);
        if (customCss is { Length: > MaxCustomCssLength })
        {
            problems.Add(("CustomCss", $"must be at most {MaxCustomCssLength} characters."));
        }

        return problems;
    }

    /// <summary>An absolute https URL, or a local path that is not protocol-relative.</summary>
    public static bool IsSafeImageUrl(string value) =>
        value.Length <= 2048 && !value.Any(char.IsControl) &&
        (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && !value.Contains('\\', StringComparison.Ordinal)
         || Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);

    private static void Text(List<(string, string)> problems, string field, string? value, int max)
    {
        if (value is not null && (value.Length > max || value.Any(char.IsControl)))
        {
            problems.Add((field, $"must be at most {max} characters, without control characters."));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9 -]+(, *[A-Za-z0-9 -]+)*$")]
    private static partial Regex FontShape();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex ColorName();

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")]
    private static partial Regex HexColor();
}
