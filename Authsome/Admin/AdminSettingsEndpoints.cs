using Authsome.Endpoints;
using Authsome.Accounts;
using Authsome.Errors;
using Authsome.Organizations;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Admin;

/// <summary>
/// Scoped settings: global (platform administrators), app, organization and user. Resolution takes the narrowest scope
/// that has a value: user, then organization, then app, then global.
/// </summary>
internal static class AdminSettingsEndpoints
{
    private const string Tag = "Admin: settings";
    private const int MaxKeyLength = 100;

    // The engine keeps some of its own values as settings (an app's branding), checked by their own routes.
    private const string ReservedPrefix = "authsome.";

    public static void MapAdminSettingsRoutes(this RouteGroupBuilder admin)
    {
        admin.MapGet("/settings", ListAsync).WithName("AdminListSettings").WithSummary("The settings of one scope").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapPut("/settings/{key}", PutAsync).WithName("AdminPutSetting").WithSummary("Set a value at one scope").WithTags(Tag)
            .Accepts<SettingRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapDelete("/settings/{key}", DeleteAsync).WithName("AdminDeleteSetting").WithSummary("Remove a value at one scope").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapGet("/settings/{key}/resolve", ResolveAsync).WithName("AdminResolveSetting").WithSummary("The value in force for an app, organization and user (user, then organization, then app, then global)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<SettingResponse[]>> ListAsync(string? scope, [FromQuery(Name = "scope_id")] string? scopeId, HttpContext context, AdminAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var (kind, id) = await ScopeAsync(caller, store, Scope(scope), scopeId, cancellationToken);
        return TypedResults.Ok((await store.Settings.ListAsync(kind, id, cancellationToken)).Select(SettingResponse.From).ToArray());
    }

    private static async Task<Ok<SettingResponse>> PutAsync(string key, SettingRequest body, HttpContext context, AdminAccess access, IAuthsomeStore store, TenancyEventPublisher events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var (kind, id) = await ScopeAsync(caller, store, body.Scope, body.ScopeId, cancellationToken);
        var value = body.Value ?? throw InputRules.Invalid("value", "Required (any JSON value).");
        var now = time.GetStoreNow();
        var stored = await store.Settings.SetAsync(new Setting { Id = Id<Setting>.New(now), Key = Key(key), Scope = kind, ScopeId = id, Value = value.GetRawText(), CreatedAt = now, UpdatedAt = now }, cancellationToken);
        await events.PublishAsync(TenancyEventTypes.SettingUpdated, caller.User.AppId, null, caller.User.Id, stored.Id.ToString(), cancellationToken);
        return TypedResults.Ok(SettingResponse.From(stored));
    }

    private static async Task<NoContent> DeleteAsync(string key, string? scope, [FromQuery(Name = "scope_id")] string? scopeId, HttpContext context, AdminAccess access, IAuthsomeStore store, TenancyEventPublisher events, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var (kind, id) = await ScopeAsync(caller, store, Scope(scope), scopeId, cancellationToken);
        if (await store.Settings.DeleteAsync(Key(key), kind, id, cancellationToken))
        {
            await events.PublishAsync(TenancyEventTypes.SettingDeleted, caller.User.AppId, null, caller.User.Id, key, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<SettingResponse>, NotFound>> ResolveAsync(
        string key, [FromQuery(Name = "app_id")] string? appId, [FromQuery(Name = "org_id")] string? orgId, [FromQuery(Name = "user_id")] string? userId,
        HttpContext context, AdminAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var app = appId is null ? caller.User.AppId : (await access.AppAsync(caller, appId, cancellationToken)).Id;
        Id<Organization>? org = orgId is null ? null : (await ScopeAsync(caller, store, SettingScope.Organization, orgId, cancellationToken)) is var (_, o) ? Id<Organization>.Parse(o) : null;
        Id<User>? user = userId is null ? null : (await access.UserAsync(caller, userId, cancellationToken)).Id;
        var setting = await store.Settings.ResolveAsync(Key(key), new SettingsContext(app, org, user), cancellationToken);
        return setting is null ? TypedResults.NotFound() : TypedResults.Ok(SettingResponse.From(setting));
    }

    /// <summary>The scope's kind and id, if the caller may administer it; global is for platform administrators only.</summary>
    private static async ValueTask<(SettingScope Scope, string Id)> ScopeAsync(AdminCaller caller, IAuthsomeStore store, SettingScope? scope, string? scopeId, CancellationToken cancellationToken)
    {
        var kind = scope ?? throw InputRules.Invalid("scope", "Required: global, app, organization or user.");
        Id<App>? owner = kind switch
        {
            SettingScope.Global => null,
            SettingScope.App => Id<App>.TryParse(scopeId, out var app) ? app : throw InputRules.Invalid("scope_id", "An app id."),
            SettingScope.Organization => Id<Organization>.TryParse(scopeId, out var org) ? (await store.Organizations.GetAsync(org, cancellationToken))?.AppId ?? throw NotFound() : throw InputRules.Invalid("scope_id", "An organization id."),
            _ => Id<User>.TryParse(scopeId, out var user) ? (await store.Users.GetAsync(user, cancellationToken))?.AppId ?? throw NotFound() : throw InputRules.Invalid("scope_id", "A user id."),
        };
        if (owner is null ? !caller.PlatformWide : !AdminAccess.CanReach(caller, owner.Value))
        {
            throw owner is null ? new AuthsomeException(AuthsomeErrors.Forbidden, "Only platform administrators change global settings.") : NotFound();
        }

        return (kind, owner is null ? string.Empty : scopeId!);
    }

    // Query strings are matched without regard to case (the framework's own enum binding is case-sensitive).
    private static SettingScope? Scope(string? scope) =>
        scope is null ? null
        : Enum.TryParse<SettingScope>(scope, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !scope.Any(char.IsAsciiDigit) ? parsed
        : throw InputRules.Invalid("scope", "One of global, app, organization, user.");

    private static string Key(string key) =>
        key.Length is 0 or > MaxKeyLength || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':'))
            ? throw InputRules.Invalid("key", $"1 to {MaxKeyLength} ASCII letters, digits, '.', '_', '-' or ':'.")
            : key.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase)
                ? throw InputRules.Invalid("key", $"Keys starting with '{ReservedPrefix}' are the engine's; each has its own route (the app's branding: /admin/apps/{{id}}/branding).")
                : key;

    private static AuthsomeException NotFound() => new(AuthsomeErrors.NotFound, "No such scope.");
}
