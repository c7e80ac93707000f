using System.Reflection;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>The pages' stylesheet (embedded) and the branding stylesheet (colours, font, custom CSS; <c>?org=</c> for an organization's).</summary>
internal static class AssetRoutes
{
    private const string Css = "text/css; charset=utf-8";
    private static readonly Lazy<string> PagesCss = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Authsome.Pages.pages.css")
            ?? throw new InvalidOperationException("The pages' stylesheet is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static void MapAssetPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/assets/pages.css", () => TypedResults.Text(PagesCss.Value, Css));
        pages.MapGet("/assets/branding.css", async (PagesBranding branding, string? org, CancellationToken cancellationToken) =>
            TypedResults.Text(branding.Stylesheet(
                await branding.AppBrandingAsync(cancellationToken),
                Id<Organization>.TryParse(org, out var orgId) ? await branding.OrganizationBrandingAsync(orgId, cancellationToken) : null), Css));
    }
}
