namespace Authsome.Pages;

/// <summary>What every page needs besides its own data: title, branding, the CSP nonce and the anti-forgery token.</summary>
public sealed record PageFrame(string Title, string BasePath, BrandingView Branding, string Nonce, string AntiforgeryFieldName, string AntiforgeryToken)
{
    /// <summary>A URL under the pages' path.</summary>
    public string Url(string relative) => BasePath + "/" + relative;
}
