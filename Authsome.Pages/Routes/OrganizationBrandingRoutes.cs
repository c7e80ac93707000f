using Authsome.Branding;
using Authsome.Errors;
using Authsome.Organizations;
using Authsome.Pages.Components;
using Authsome.Pages.Security;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>
/// An organization's branding (the store's <see cref="BrandingConfig"/>), edited by whoever may update the organization
/// (<c>org:update</c>): name, tagline, logo, font and colours, held to the same shapes as the app's settings (the same service as <c>PUT /orgs/{id}/branding</c>).
/// </summary>
internal static class OrganizationBrandingRoutes
{
    private const string Title = "Organization branding";

    // Form field to the name BrandingRules gives the value.
    private static readonly (string Form, string Rule)[] Colors = [("color_primary", "primary"), ("color_background", "background"), ("color_text", "text")];

    public static void MapOrganizationBrandingPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/orgs/{id}/branding", ShowAsync);
        pages.MapPost("/orgs/{id}/branding", SaveAsync);
    }

    private static async Task<IResult> ShowAsync(string id, HttpContext context, PageRenderer pages, PageSessions current, OrganizationAccess access, OrganizationBrandings brandings, string? saved)
    {
        if (await current.GetAsync(context) is not { } signedIn)
        {
            return AccountRoutes.SignInFirst(context, pages, "orgs/" + Uri.EscapeDataString(id) + "/branding");
        }

        try
        {
            var org = await access.RequireAsync(signedIn.User, id, "org", "update", context.RequestAborted);
            var branding = await brandings.GetAsync(org, context.RequestAborted);
            var values = new Dictionary<string, string?>
            {
                ["company_name"] = branding?.CompanyName,
                ["tagline"] = branding?.Tagline,
                ["logo_url"] = branding?.LogoUrl,
                ["font_family"] = branding?.FontFamily,
            };
            foreach (var (form, rule) in Colors)
            {
                values[form] = branding?.Colors.GetValueOrDefault(rule);
            }

            return await RenderAsync(context, pages, org.Organization, values, saved is not null, null, StatusCodes.Status200OK);
        }
        catch (AuthsomeException ex)
        {
            return await RefusedAsync(context, pages, ex);
        }
    }

    private static Task<IResult> SaveAsync(string id, HttpContext context, PageRenderer pages, PageSessions current, OrganizationAccess access, OrganizationBrandings brandings) =>
        AccountRoutes.SignedInFormAsync(context, pages, current, "orgs/" + Uri.EscapeDataString(id) + "/branding", async (form, signedIn) =>
        {
            OrganizationContext org;
            try
            {
                org = await access.RequireAsync(signedIn.User, id, "org", "update", context.RequestAborted);
            }
            catch (AuthsomeException ex)
            {
                return await RefusedAsync(context, pages, ex);
            }

            var values = OrganizationBranding.Fields.Keys.ToDictionary(k => k, k => string.IsNullOrWhiteSpace(form[k]) ? null : form[k].ToString().Trim());
            var branding = new BrandingValues
            {
                CompanyName = values["company_name"],
                Tagline = values["tagline"],
                LogoUrl = values["logo_url"],
                FontFamily = values["font_family"],
                Colors = Colors.Where(c => values[c.Form] is not null).ToDictionary(c => c.Rule, c => values[c.Form]!),
            };
            try
            {
                await brandings.SaveAsync(org, branding, context.RequestAborted);
            }
            catch (AuthsomeException ex) when (ex.Error == AuthsomeErrors.ValidationFailed)
            {
                var fields = branding.Problems().ToDictionary(p => FormName(p.Key), p => p.Value);
                return await RenderAsync(context, pages, org.Organization, values, false, FormErrors.Of("Some values cannot be used.", fields), StatusCodes.Status400BadRequest);
            }

            return PageRenderer.SeeOther(context, pages.BasePath(context) + "/orgs/" + Uri.EscapeDataString(id) + "/branding?saved=1");
        });

    // The request's name of a value (BrandingValues.Problems) to the form's.
    private static string FormName(string name) =>
        name.StartsWith("colors.", StringComparison.Ordinal) ? "color_" + name["colors.".Length..] : name;

    private static Task<IResult> RenderAsync(HttpContext context, PageRenderer pages, Organization organization, IReadOnlyDictionary<string, string?> values, bool saved, FormErrors? errors, int status) =>
        pages.RenderAsync<OrganizationBranding>(context, Title, new()
        {
            [nameof(OrganizationBranding.OrganizationId)] = organization.Id.ToString(),
            [nameof(OrganizationBranding.OrganizationName)] = organization.Name,
            [nameof(OrganizationBranding.Values)] = values,
            [nameof(OrganizationBranding.Saved)] = saved,
            [nameof(OrganizationBranding.Errors)] = errors,
        }, status, organization.Id);

    // Not a member, no such organization, or not allowed: the access check's own answer (it does not tell them apart for outsiders).
    private static Task<IResult> RefusedAsync(HttpContext context, PageRenderer pages, AuthsomeException failure) =>
        pages.RenderAsync<Notice>(context, Title, new()
        {
            [nameof(Notice.Message)] = failure.Message,
            [nameof(Notice.LinkHref)] = pages.BasePath(context) + "/account",
            [nameof(Notice.LinkText)] = "Back to your account",
        }, failure.Error.Status);
}
