using Authsome.Branding;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Admin;

/// <summary>
/// An app's branding on the hosted pages, for its administrators: held to the same shapes as the host's settings (they
/// end up in markup and a stylesheet) and in force on the next page.
/// </summary>
internal static class AdminBrandingEndpoints
{
    private const string Tag = "Admin: apps";

    public static void MapAdminBrandingRoutes(this RouteGroupBuilder admin)
    {
        admin.MapGet("/apps/{id}/branding", GetAsync).WithName("AdminGetBranding").WithSummary("An app's branding").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapPut("/apps/{id}/branding", PutAsync).WithName("AdminPutBranding").WithSummary("Set an app's branding (in force on the next page)").WithTags(Tag)
            .Accepts<BrandingValues>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapDelete("/apps/{id}/branding", DeleteAsync).WithName("AdminDeleteBranding").WithSummary("Remove an app's branding (the host's settings apply)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<BrandingValues>> GetAsync(string id, HttpContext context, AdminAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var app = await access.AppAsync(await access.RequireAsync(context, cancellationToken), id, cancellationToken);
        return TypedResults.Ok(await AppBrandingSetting.ReadAsync(store, app.Id, cancellationToken)
            ?? throw new AuthsomeException(AuthsomeErrors.NotFound, "The app has no branding of its own."));
    }

    private static async Task<Ok<BrandingValues>> PutAsync(string id, BrandingValues body, HttpContext context, AdminAccess access, IAuthsomeStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var app = await access.AppAsync(await access.RequireAsync(context, cancellationToken), id, cancellationToken);
        if (body.Problems() is { Count: > 0 } problems)
        {
            throw AuthsomeException.Validation(problems);
        }

        var now = time.GetStoreNow();
        await store.Settings.SetAsync(new Setting
        {
            Id = Id<Setting>.New(now),
            Key = AppBrandingSetting.Key,
            Scope = SettingScope.App,
            ScopeId = app.Id.ToString(),
            Value = AppBrandingSetting.Write(body),
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
        return TypedResults.Ok(body);
    }

    private static async Task<NoContent> DeleteAsync(string id, HttpContext context, AdminAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var app = await access.AppAsync(await access.RequireAsync(context, cancellationToken), id, cancellationToken);
        await store.Settings.DeleteAsync(AppBrandingSetting.Key, SettingScope.App, app.Id.ToString(), cancellationToken);
        return TypedResults.NoContent();
    }
}
