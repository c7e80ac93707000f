using System.Text;
using Authsome.Branding;
using Authsome.Store;
using Microsoft.Extensions.Options;

namespace Authsome.Pages;

/// <summary>What a page shows of the brand: the app's, or an organization's over it where one is known.</summary>
/// <param name="CompanyName">The header's and title's name.</param>
/// <param name="Tagline">A line under the name.</param>
/// <param name="LogoUrl">The logo, already checked to be https or local.</param>
/// <param name="OrganizationId">The organization whose branding applies (its stylesheet is asked for with it), or null.</param>
public sealed record BrandingView(string CompanyName, string? Tagline, string? LogoUrl, string? OrganizationId = null);

/// <summary>
/// The branding, narrowest first: where a page knows its organization (an invitation), that organization's stored
/// <see cref="BrandingConfig"/>; the app's own (<see cref="BrandingValues"/>, set by its administrators); the host's
/// settings (<c>Authsome:Pages:Branding</c>); the app's stored name and logo. Colours and font become CSS custom
/// properties in a stylesheet of their own (no inline style, so the CSP needs no 'unsafe-inline'); the host's custom CSS
/// follows them. Only the operator's custom CSS is served: app and organization administrators are not the operator,
/// and CSS can read a page's inputs through attribute selectors and image URLs.
/// </summary>
internal sealed class PagesBranding(IAuthsomeEngine engine, IAuthsomeStore store, IOptionsMonitor<AuthsomePagesOptions> options)
{
    public async ValueTask<BrandingView> GetAsync(CancellationToken cancellationToken, Id<Organization>? organization = null)
    {
        var settings = options.CurrentValue.Branding;
        var resolved = await engine.GetAppAsync(cancellationToken);
        var app = await store.Apps.GetAsync(resolved.AppId, cancellationToken);
        var own = await AppBrandingSetting.ReadAsync(store, resolved.AppId, cancellationToken);
        var logo = own?.LogoUrl ?? settings.LogoUrl ?? (app?.Logo is { } stored && BrandingRules.IsSafeImageUrl(stored) ? stored : null);
        var view = new BrandingView(own?.CompanyName ?? settings.CompanyName ?? app?.Name ?? "Authsome", own?.Tagline ?? settings.Tagline, logo);
        if (organization is { } orgId && await OrganizationBrandingAsync(orgId, cancellationToken) is { } org)
        {
            view = new BrandingView(org.CompanyName ?? view.CompanyName, org.Tagline ?? view.Tagline,
                org.LogoUrl is { } orgLogo && BrandingRules.IsSafeImageUrl(orgLogo) ? orgLogo : view.LogoUrl, orgId.ToString());
        }

        return view;
    }

    /// <summary>The branding the app's administrators set (<c>/admin/apps/{id}/branding</c>), if any.</summary>
    public async ValueTask<BrandingValues?> AppBrandingAsync(CancellationToken cancellationToken) =>
        await AppBrandingSetting.ReadAsync(store, (await engine.GetAppAsync(cancellationToken)).AppId, cancellationToken);

    /// <summary>An organization's stored branding, when the organization is of this app.</summary>
    public async ValueTask<BrandingConfig?> OrganizationBrandingAsync(Id<Organization> orgId, CancellationToken cancellationToken)
    {
        var app = await engine.GetAppAsync(cancellationToken);
        return await store.Organizations.GetAsync(orgId, cancellationToken) is { } organization && organization.AppId == app.AppId
            ? await store.Branding.GetAsync(orgId, cancellationToken)
            : null;
    }

    /// <summary>The branding stylesheet: custom properties (an organization's over the app's over the host's), then the host's custom CSS.</summary>
    public string Stylesheet(BrandingValues? app, BrandingConfig? organization)
    {
        var settings = options.CurrentValue.Branding;
        var colors = new SortedDictionary<string, string>(settings.Colors, StringComparer.Ordinal);
        foreach (var (name, value) in (app?.Colors ?? new Dictionary<string, string>()).Concat(organization?.Colors ?? []))
        {
            colors[name] = value;
        }

        var css = new StringBuilder(":root {\n");
        foreach (var (name, value) in colors)
        {
            css.Append("  --authsome-").Append(name).Append(": ").Append(value).Append(";\n");
        }

        if ((organization?.FontFamily ?? app?.FontFamily ?? settings.FontFamily) is { } font)
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
}
