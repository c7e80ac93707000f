using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Authsome.Pages;

/// <summary>
/// Checks the pages' settings at start-up, each failure naming its configuration path. Branding values end up in
/// markup and stylesheets, so each is held to a shape that cannot break out of where it is written.
/// </summary>
internal sealed partial class AuthsomePagesOptionsValidator : IValidateOptions<AuthsomePagesOptions>
{
    public const int MaxCustomCssLength = 50_000;
    private const string S = AuthsomePagesOptions.Section;

    public ValidateOptionsResult Validate(string? name, AuthsomePagesOptions options)
    {
        var failures = new List<string>();
        if (!PathShape().IsMatch(options.Path))
        {
            failures.Add($"{S}:Path must be a path like /auth (a slash, then letters, digits, '-', '_' or '/').");
        }

        for (var i = 0; i < options.AllowedReturnOrigins.Count; i++)
        {
            if (!Uri.TryCreate(options.AllowedReturnOrigins[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                failures.Add($"{S}:AllowedReturnOrigins:{i} must be an origin such as https://app.example.com.");
            }
        }

        var branding = options.Branding;
        if (branding.LogoUrl is { } logo && !PagesBranding.IsSafeImageUrl(logo))
        {
            failures.Add($"{S}:Branding:LogoUrl must be an absolute https URL or a local path.");
        }

        if (branding.FontFamily is { } font && !FontShape().IsMatch(font))
        {
            failures.Add($"{S}:Branding:FontFamily must be font names of letters, digits, spaces and '-', separated by commas.");
        }

        foreach (var (key, value) in branding.Colors)
        {
            if (!ColorName().IsMatch(key) || !HexColor().IsMatch(value))
            {
                failures.Add($"{S}:Branding:Colors:{key} must be named with lowercase letters, digits and '-', and be a hex colour (#336699).");
            }
        }

        Text(failures, $"{S}:Branding:CompanyName", branding.CompanyName, 100);
        Text(failures, $"{S}:Branding:Tagline", branding.Tagline, 200);
        if (branding.CustomCss is { Length: > MaxCustomCssLength })
        {
            failures.Add($"{S}:Branding:CustomCss must be at most {MaxCustomCssLength} characters.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    private static void Text(List<string> failures, string path, string? value, int max)
    {
        if (value is not null && (value.Length > max || value.Any(char.IsControl)))
        {
            failures.Add($"{path} must be at most {max} characters, without control characters.");
        }
    }

    [GeneratedRegex("^/[A-Za-z0-9_/-]*[A-Za-z0-9_-]$")]
    private static partial Regex PathShape();

    [GeneratedRegex("^[A-Za-z0-9 -]+(, *[A-Za-z0-9 -]+)*$")]
    private static partial Regex FontShape();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex ColorName();

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")]
    private static partial Regex HexColor();
}
