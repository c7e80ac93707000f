using System.Reflection;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>The pages' stylesheet and passkey script (embedded), and the branding stylesheet (colours, font, custom CSS; <c>?org=</c> for an organization's).</summary>
internal static class AssetRoutes
{
    private const string Css = "text/css; charset=utf-8";
    private const string Script = "text/javascript; charset=utf-8";
    private static readonly Lazy<string> PagesCss = new(() => Embedded("pages.css"));
    private static readonly Lazy<string> PasskeysScript = new(() => Embedded("passkeys.js"));

    public static void MapAssetPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/assets/pages.css", () => TypedResults.Text(PagesCss.Value, Css));
        pages.MapGet("/assets/passkeys.js", () => TypedResults.Text(PasskeysScript.Value, Script));
        pages.MapGet("/assets/branding.css", async (PagesBranding branding, string? org, CancellationToken cancellationToken) =>
            TypedResults.Text(branding.Stylesheet(
                await branding.AppBrandingAsync(cancellationToken),
                Id<Organization>.TryParse(org, out var orgId) ? await branding.OrganizationBrandingAsync(orgId, cancellationToken) : null), Css));
    }

    private static string Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Authsome.Pages." + name)
            ?? throw new InvalidOperationException($"The pages' {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
