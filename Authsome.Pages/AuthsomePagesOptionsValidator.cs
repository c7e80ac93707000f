using System.Text.RegularExpressions;
using Authsome.Branding;
using Microsoft.Extensions.Options;

namespace Authsome.Pages;

/// <summary>
/// Checks the pages' settings at start-up, each failure naming its configuration path. Branding values end up in
/// markup and stylesheets, so each is held to a shape that cannot break out of where it is written.
/// </summary>
internal sealed partial class AuthsomePagesOptionsValidator : IValidateOptions<AuthsomePagesOptions>
{
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
        failures.AddRange(BrandingRules.Check(branding.LogoUrl, branding.FontFamily, branding.Colors, branding.CompanyName, branding.Tagline, branding.CustomCss)
            .Select(p => $"{S}:Branding:{p.Field} {p.Problem}"));

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    [GeneratedRegex("^/[A-Za-z0-9_/-]*[A-Za-z0-9_-]$")]
    private static partial Regex PathShape();
}
