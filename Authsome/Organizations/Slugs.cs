using System.Text;
using Authsome.Accounts;

namespace Authsome.Organizations;

/// <summary>Slugs of organizations, teams and roles: 1 to 50 lower-case ASCII letters, digits and hyphens, starting with a letter or digit.</summary>
internal static class Slugs
{
    public const int MaxLength = 50;

    /// <summary>The given slug, validated; or one made from <paramref name="name"/> when none is given.</summary>
    public static string From(string? given, string name, string field = "slug")
    {
        if (given is null)
        {
            return FromName(name);
        }

        var slug = given.Trim();
        if (slug.Length is 0 or > MaxLength || !char.IsAsciiLetterOrDigit(slug[0]) || slug.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            throw InputRules.Invalid(field, $"Must be 1 to {MaxLength} lower-case ASCII letters, digits or '-', starting with a letter or digit.");
        }

        return slug;
    }

    private static string FromName(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-' && (char.IsWhiteSpace(c) || c is '-' or '_' or '.'))
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        slug = slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
        return slug.Length == 0 ? "org" : slug;
    }
}
