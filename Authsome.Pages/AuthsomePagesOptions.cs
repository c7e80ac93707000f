namespace Authsome.Pages;

/// <summary>The hosted pages' settings (<c>Authsome:Pages</c>).</summary>
public sealed class AuthsomePagesOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Authsome:Pages";

    /// <summary>Where the pages are mounted (default <c>/auth</c>).</summary>
    public string Path { get; set; } = "/auth";

    /// <summary>
    /// Origins (<c>https://app.example.com</c>) a <c>return_url</c> may point to after sign-in, besides local paths of
    /// this host. Anything else is replaced by the account page: the pages are never an open redirect.
    /// </summary>
    public List<string> AllowedReturnOrigins { get; set; } = [];

    /// <summary>How the pages look; the app's name and logo stand in for what is not set.</summary>
    public PagesBrandingSettings Branding { get; set; } = new();
}

/// <summary>The app's branding (<c>Authsome:Pages:Branding</c>).</summary>
public sealed class PagesBrandingSettings
{
    /// <summary>Shown in the header and the title; defaults to the app's name.</summary>
    public string? CompanyName { get; set; }

    /// <summary>A line under the company name.</summary>
    public string? Tagline { get; set; }

    /// <summary>An absolute https URL or a local path (<c>/logo.svg</c>); defaults to the app's logo.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>A CSS font-family list of plain names (<c>Inter, system-ui, sans-serif</c>).</summary>
    public string? FontFamily { get; set; }

    /// <summary>Named colours as hex (<c>primary</c>, <c>background</c>, <c>text</c>, ...), exposed as <c>--authsome-NAME</c>.</summary>
    public Dictionary<string, string> Colors { get; set; } = [];

    /// <summary>A stylesheet served after the pages' own, under the pages' Content-Security-Policy.</summary>
    public string? CustomCss { get; set; }
}
