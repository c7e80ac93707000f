using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Organizations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Branding;

/// <summary>An organization's branding on the hosted pages: read by its members (org:read), changed by org:update.</summary>
internal static class OrganizationBrandingEndpoints
{
    private const string Tag = "Organizations";

    public static void MapOrganizationBrandingRoutes(this RouteGroupBuilder authenticated)
    {
        authenticated.MapGet("/orgs/{id}/branding", GetAsync)
            .WithName("GetOrganizationBranding").WithSummary("The organization's branding (org:read)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        authenticated.MapPut("/orgs/{id}/branding", PutAsync)
            .WithName("PutOrganizationBranding").WithSummary("Set the organization's branding (org:update)").WithTags(Tag)
            .Accepts<BrandingValues>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        authenticated.MapDelete("/orgs/{id}/branding", DeleteAsync)
            .WithName("DeleteOrganizationBranding").WithSummary("Remove the organization's branding; the app's applies (org:update)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<BrandingValues>> GetAsync(string id, HttpContext context, OrganizationAccess access, OrganizationBrandings brandings, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "org", "read", cancellationToken);
        var branding = await brandings.GetAsync(org, cancellationToken) ?? throw new AuthsomeException(AuthsomeErrors.NotFound, "The organization has no branding of its own.");
        return TypedResults.Ok(BrandingValues.From(branding));
    }

    private static async Task<Ok<BrandingValues>> PutAsync(string id, BrandingValues body, HttpContext context, OrganizationAccess access, OrganizationBrandings brandings, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "org", "update", cancellationToken);
        return TypedResults.Ok(BrandingValues.From(await brandings.SaveAsync(org, body, cancellationToken)));
    }

    private static async Task<NoContent> DeleteAsync(string id, HttpContext context, OrganizationAccess access, OrganizationBrandings brandings, CancellationToken cancellationToken)
    {
        var org = await access.RequireAsync(context.RequireSession().User, id, "org", "update", cancellationToken);
        await brandings.DeleteAsync(org, cancellationToken);
        return TypedResults.NoContent();
    }
}
