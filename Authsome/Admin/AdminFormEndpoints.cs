using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Forms;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Admin;

/// <summary>
/// An app's form configs (today the sign-up form's extra fields), for its administrators. A write is checked against
/// every rule the sign-up form will apply, and is in force for the next sign-up: nothing caches it.
/// </summary>
internal static class AdminFormEndpoints
{
    private const string Tag = "Admin: forms";

    public static void MapAdminFormRoutes(this RouteGroupBuilder admin)
    {
        admin.MapGet("/apps/{id}/forms", ListAsync).WithName("AdminListForms").WithSummary("An app's form configs").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapGet("/apps/{id}/forms/{form_type}", GetAsync).WithName("AdminGetForm").WithSummary("One form config of an app").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapPut("/apps/{id}/forms/{form_type}", PutAsync).WithName("AdminPutForm").WithSummary("Set a form's extra fields (in force for the next request)").WithTags(Tag)
            .Accepts<FormConfigRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        admin.MapDelete("/apps/{id}/forms/{form_type}", DeleteAsync).WithName("AdminDeleteForm").WithSummary("Remove a form config (the form shows no extra fields)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<FormConfigResponse[]>> ListAsync(string id, HttpContext context, AdminAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var app = await access.AppAsync(await access.RequireAsync(context, cancellationToken), id, cancellationToken);
        return TypedResults.Ok((await store.FormConfigs.ListAsync(app.Id, cancellationToken)).Select(FormConfigResponse.From).ToArray());
    }

    private static async Task<Ok<FormConfigResponse>> GetAsync(string id, [FromRoute(Name = "form_type")] string formType, HttpContext context, AdminAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var app = await access.AppAsync(await access.RequireAsync(context, cancellationToken), id, cancellationToken);
        var config = await store.FormConfigs.GetAsync(app.Id, FormConfigRules.FormType(formType), cancellationToken)
            ?? throw new AuthsomeException(AuthsomeErrors.NotFound, "The app has no config for this form.");
        return TypedResults.Ok(FormConfigResponse.From(config));
    }

    private static async Task<Ok<FormConfigResponse>> PutAsync(string id, [FromRoute(Name = "form_type")] string formType, FormConfigRequest body, HttpContext context, AdminAccess access, IAuthsomeStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var app = await access.AppAsync(await access.RequireAsync(context, cancellationToken), id, cancellationToken);
        var type = FormConfigRules.FormType(formType);
        var fields = FormConfigRules.Fields(body.Fields);
        var now = time.GetStoreNow();
        var existing = await store.FormConfigs.GetAsync(app.Id, type, cancellationToken);
        try
        {
            if (existing is null)
            {
                var created = new FormConfig { Id = Id<FormConfig>.New(now), AppId = app.Id, FormType = type, Fields = fields, Active = body.Active ?? true, CreatedAt = now, UpdatedAt = now };
                await store.FormConfigs.CreateAsync(created, cancellationToken);
                return TypedResults.Ok(FormConfigResponse.From(created));
            }

            var replaced = existing with { Fields = fields, Active = body.Active ?? true, Version = existing.Version + 1, UpdatedAt = now };
            await store.FormConfigs.UpdateAsync(replaced, cancellationToken);
            return TypedResults.Ok(FormConfigResponse.From(replaced));
        }
        catch (Exception ex) when (ex is StoreConflictException or StoreNotFoundException)
        {
            // Another administrator created or removed it between the read and the write: theirs stands, say so.
            throw new AuthsomeException(AdminErrors.FormChanged, "The form config changed while this one was written; read it and try again.");
        }
    }

    private static async Task<NoContent> DeleteAsync(string id, [FromRoute(Name = "form_type")] string formType, HttpContext context, AdminAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var app = await access.AppAsync(await access.RequireAsync(context, cancellationToken), id, cancellationToken);
        if (await store.FormConfigs.GetAsync(app.Id, FormConfigRules.FormType(formType), cancellationToken) is { } config)
        {
            await store.FormConfigs.DeleteAsync(config.Id, cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
