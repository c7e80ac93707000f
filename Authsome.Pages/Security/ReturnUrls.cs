using Microsoft.Extensions.Options;

namespace Authsome.Pages.Security;

/// <summary>
/// Where the browser may be sent after sign-in: a local path of this host, or a URL on an allowed origin
/// (<c>Authsome:Pages:AllowedReturnOrigins</c>). Anything else falls back to the account page.
/// </summary>
internal sealed class ReturnUrls(IOptionsMonitor<AuthsomePagesOptions> options)
{
    private const int MaxLength = 2048;

    public string AccountPage => options.CurrentValue.Path.TrimEnd('/') + "/account";

    /// <summary>The URL when it is allowed, else null.</summary>
    public string? Allowed(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate) || candidate.Length > MaxLength || candidate.Any(c => char.IsControl(c) || c == '\\'))
        {
            return null;
        }

        // "/x" is local; "//host" and "/\host" are other hosts to a browser.
        if (candidate[0] == '/')
        {
            return candidate.Length == 1 || candidate[1] != '/' ? candidate : null;
        }

        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return null;
        }

        var origin = uri.GetLeftPart(UriPartial.Authority);
        return options.CurrentValue.AllowedReturnOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase))
            ? uri.AbsoluteUri
            : null;
    }

    /// <summary>The URL when allowed, else the account page.</summary>
    public string OrAccount(string? candidate) => Allowed(candidate) ?? AccountPage;
}
