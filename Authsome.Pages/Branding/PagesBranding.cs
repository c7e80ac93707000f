using System.Text;
using Authsome.Store;
using Microsoft.Extensions.Options;

namespace Authsome.Pages;

/// <summary>What a page shows of the app's brand.</summary>
public sealed record BrandingView(string CompanyName, string? Tagline, string? LogoUrl);

/// <summary>
/// The app's branding: the configured settings, with the app's stored name and logo standing in for what is not set.
/// Colours and font become CSS custom properties in a stylesheet of their own (no inline style, so the CSP needs
/// no 'unsafe-inline'); the custom CSS follows them in that stylesheet.
/// </summary>
internal sealed class PagesBranding(IAuthsomeEngine engine, IAuthsomeStore store, IOptionsMonitor<AuthsomePagesOptions> options)
{
    public async ValueTask<BrandingView> GetAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.Branding;
        var resolved = await engine.GetAppAsync(cancellationToken);
        var app = await store.Apps.GetAsync(resolved.AppId, cancellationToken);
        var logo = settings.LogoUrl ?? (app?.Logo is { } stored && IsSafeImageUrl(stored) ? stored : null);
        return new BrandingView(settings.CompanyName ?? app?.Name ?? "Authsome", settings.Tagline, logo);
    }

    /// <summary>The branding stylesheet: custom properties, then the app's custom CSS.</summary>
    public string Stylesheet()
    {
        var settings = options.CurrentValue.Branding;
        var css = new StringBuilder(":root {\n");
        foreach (var (name, value) in settings.Colors.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            css.Append("  --authsome-").Append(name).Append(": ").Append(value).Append(";\n");
        }

        if (settings.FontFamily is { } font)
        {
            css.Append("  --authsome-font: ").Append(font).Append(";\n");
        }

        css.Append("}\n");
        if (settings.CustomCss is { } custom)
        {
            css.Append('\n').Append(custom).Append('\n');
        }

        return css.ToString();
    }

    /// <summary>An absolute https URL, or a local path that is not protocol-relative.</summary>
    public static bool IsSafeImageUrl(string value) =>
        value.Length <= 2048 && !value.Any(char.IsControl) &&
        (value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && !value.Contains('\\', StringComparison.Ordinal)
         || Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);
}
