using System.Text.Json;
using Authsome.Json;
using Authsome.Store;
using Microsoft.AspNetCore.Http;

namespace Authsome.Branding;

/// <summary>
/// A brand as administrators set it: an app's (<c>PUT /admin/apps/{id}/branding</c>, each value left out falling back
/// to the host's <c>Authsome:Pages:Branding</c> settings, then to the app's name and logo) or an organization's
/// (<c>PUT /orgs/{id}/branding</c>, over the app's). There is no custom CSS here: CSS can read a page's inputs, so only
/// the operator sets it, in configuration.
/// </summary>
public sealed record BrandingValues
{
    public string? CompanyName { get; init; }
    public string? Tagline { get; init; }

    /// <summary>An absolute https URL or a local path.</summary>
    public string? LogoUrl { get; init; }

    /// <summary>A CSS font-family list of plain names.</summary>
    public string? FontFamily { get; init; }

    /// <summary>Named colours (<c>primary</c>, <c>background</c>, <c>text</c>, ...) as hex values.</summary>
    public IReadOnlyDictionary<string, string>? Colors { get; init; }

    public static ValueTask<BrandingValues> BindAsync(HttpContext context) => RequestBody.ReadAsync<BrandingValues>(context);

    internal static BrandingValues From(BrandingConfig config) => new()
    {
        CompanyName = config.CompanyName,
        Tagline = config.Tagline,
        LogoUrl = config.LogoUrl,
        FontFamily = config.FontFamily,
        Colors = config.Colors,
    };

    /// <summary>The problems of these values, named as the request names them (<c>logo_url</c>, <c>colors.primary</c>).</summary>
    internal Dictionary<string, string[]> Problems() =>
        BrandingRules.Check(LogoUrl, FontFamily, Colors ?? new Dictionary<string, string>(), CompanyName, Tagline, customCss: null)
            .ToDictionary(p => RequestName(p.Field), p => new[] { char.ToUpperInvariant(p.Problem[0]) + p.Problem[1..] }, StringComparer.Ordinal);

    private static string RequestName(string field) =>
        field.StartsWith("Colors:", StringComparison.Ordinal) ? "colors." + field["Colors:".Length..] : JsonNamingPolicy.SnakeCaseLower.ConvertName(field);
}

/// <summary>Where an app's branding is kept: an app-scoped setting under a key the engine reserves.</summary>
internal static class AppBrandingSetting
{
    public const string Key = "authsome.branding";

    /// <summary>The app's branding; null when none is set, or when what is stored would not pass the rules (written around the API).</summary>
    public static async ValueTask<BrandingValues?> ReadAsync(IAuthsomeStore store, Id<App> appId, CancellationToken cancellationToken)
    {
        if (await store.Settings.GetAsync(Key, SettingScope.App, appId.ToString(), cancellationToken) is not { } setting)
        {
            return null;
        }

        try
        {
            var branding = JsonSerializer.Deserialize<BrandingValues>(setting.Value, AuthsomeJson.RequestOptions);
            return branding?.Problems().Count == 0 ? branding : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Write(BrandingValues branding) => JsonSerializer.Serialize(branding, AuthsomeJson.RequestOptions);
}
