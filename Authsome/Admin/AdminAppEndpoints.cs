using Authsome.Accounts;
using Authsome.Apps;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Organizations;
using Authsome.Organizations.Contracts;
using Authsome.Security;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Admin;

/// <summary>Apps, their environments and their session and client configs, for administrators.</summary>
internal static class AdminAppEndpoints
{
    private const string Tag = "Admin: apps";

    public static void MapAdminAppRoutes(this RouteGroupBuilder admin)
    {
        admin.MapGet("/apps", ListAsync).WithName("AdminListApps").WithSummary("The apps the caller administers").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        admin.MapPost("/apps", CreateAsync).WithName("AdminCreateApp").WithSummary("Create an app with its default environment (platform administrators)").WithTags(Tag)
            .Accepts<AppRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
        admin.MapGet("/apps/{id}", GetAsync).WithName("AdminGetApp").WithSummary("One app").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapPatch("/apps/{id}", UpdateAsync).WithName("AdminUpdateApp").WithSummary("Rename an app").WithTags(Tag)
            .Accepts<AppRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        admin.MapDelete("/apps/{id}", DeleteAsync).WithName("AdminDeleteApp").WithSummary("Delete an app and everything in it (not the platform app)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        admin.MapGet("/apps/{id}/environments", ListEnvironmentsAsync).WithName("AdminListEnvironments").WithSummary("An app's environments").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapPost("/apps/{id}/environments", CreateEnvironmentAsync).WithName("AdminCreateEnvironment").WithSummary("Add an environment to an app").WithTags(Tag)
            .Accepts<EnvironmentRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        admin.MapPatch("/apps/{id}/environments/{env_id}", UpdateEnvironmentAsync).WithName("AdminUpdateEnvironment").WithSummary("Change an environment").WithTags(Tag)
            .Accepts<EnvironmentRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        admin.MapPost("/apps/{id}/environments/{env_id}/default", SetDefaultAsync).WithName("AdminSetDefaultEnvironment").WithSummary("Make an environment the app's default").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapDelete("/apps/{id}/environments/{env_id}", DeleteEnvironmentAsync).WithName("AdminDeleteEnvironment").WithSummary("Delete an environment (not the default one)").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        admin.MapGet("/apps/{id}/session-config", GetSessionConfigAsync).WithName("AdminGetSessionConfig").WithSummary("An app's session overrides").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapPut("/apps/{id}/session-config", PutSessionConfigAsync).WithName("AdminPutSessionConfig").WithSummary("Set an app's session overrides (in force at once)").WithTags(Tag)
            .Accepts<SessionConfigBody>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapGet("/apps/{id}/client-config", GetClientConfigAsync).WithName("AdminGetClientConfig").WithSummary("An app's sign-in methods").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapPut("/apps/{id}/client-config", PutClientConfigAsync).WithName("AdminPutClientConfig").WithSummary("Set an app's sign-in methods (in force at once)").WithTags(Tag)
            .Accepts<ClientConfigBody>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PageResponse<AppResponse>>> ListAsync(string? cursor, string? limit, HttpContext context, AdminAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        if (!caller.PlatformWide)
        {
            var own = await store.Apps.GetAsync(caller.User.AppId, cancellationToken);
            return TypedResults.Ok(new PageResponse<AppResponse>(own is null ? [] : [AppResponse.From(own)], null, own is null ? 0 : 1));
        }

        var page = await store.Apps.ListAsync(PagingQuery.Parse(cursor, limit), cancellationToken);
        return TypedResults.Ok(new PageResponse<AppResponse>([.. page.Items.Select(AppResponse.From)], page.NextCursor, page.Total));
    }

    private static async Task<Created<AppResponse>> CreateAsync(AppRequest body, HttpContext context, AdminAccess access, IAuthsomeStore store, TenancyEventPublisher events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        if (!caller.PlatformWide)
        {
            throw new AuthsomeException(AuthsomeErrors.Forbidden, "Only platform administrators create apps.");
        }

        var name = InputRules.Name(InputRules.Required(body.Name, "name")) ?? throw InputRules.Invalid("name", "Required.");
        var now = time.GetStoreNow();
        var app = new App
        {
            Id = Id<App>.New(now),
            Name = name,
            Slug = Slugs.From(body.Slug, name),
            Logo = InputRules.ImageUrl(body.Logo, "logo"),
            PublishableKey = "pk_" + SecretTokens.NewToken(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await Conflicts(() => store.Apps.CreateAsync(app, cancellationToken));
        var environment = new AppEnvironment
        {
            Id = Id<AppEnvironment>.New(now),
            AppId = app.Id,
            Name = "Production",
            Slug = "production",
            Type = EnvironmentType.Production,
            IsDefault = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.Environments.CreateAsync(environment, cancellationToken);
        await events.PublishAsync(TenancyEventTypes.AppCreated, app.Id, null, caller.User.Id, app.Id.ToString(), cancellationToken);
        return TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{app.Id}", AppResponse.From(app));
    }

    private static async Task<Ok<AppResponse>> GetAsync(string id, HttpContext context, AdminAccess access, CancellationToken cancellationToken) =>
        TypedResults.Ok(AppResponse.From(await access.AppAsync(await access.RequireAsync(context, cancellationToken), id, cancellationToken)));

    private static async Task<Ok<AppResponse>> UpdateAsync(string id, AppRequest body, HttpContext context, AdminAccess access, IAuthsomeStore store, AppResolver apps, TenancyEventPublisher events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var app = await access.AppAsync(caller, id, cancellationToken);
        var updated = app with
        {
            Name = body.Name is null ? app.Name : InputRules.Name(body.Name) ?? throw InputRules.Invalid("name", "Required."),
            Slug = body.Slug is null ? app.Slug : Slugs.From(body.Slug, app.Name),
            Logo = body.Logo is null ? app.Logo : InputRules.ImageUrl(body.Logo, "logo"),
            UpdatedAt = time.GetStoreNow(),
        };
        await Conflicts(() => store.Apps.UpdateAsync(updated, cancellationToken));
        apps.Invalidate();
        await events.PublishAsync(TenancyEventTypes.AppUpdated, app.Id, null, caller.User.Id, app.Id.ToString(), cancellationToken);
        return TypedResults.Ok(AppResponse.From(updated));
    }

    private static async Task<NoContent> DeleteAsync(string id, HttpContext context, AdminAccess access, IAuthsomeStore store, AppResolver apps, AppConfigCache configs, TenancyEventPublisher events, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var app = await access.AppAsync(caller, id, cancellationToken);
        if (app.IsPlatform || app.Id == caller.User.AppId)
        {
            throw InputRules.Invalid("id", "The platform app, and the app you administer from, cannot be deleted.");
        }

        await store.Apps.DeleteAsync(app.Id, cancellationToken);
        apps.Invalidate();
        configs.Invalidate(app.Id);
        await events.PublishAsync(TenancyEventTypes.AppDeleted, app.Id, null, caller.User.Id, app.Id.ToString(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<EnvironmentResponse[]>> ListEnvironmentsAsync(string id, HttpContext context, AdminAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var app = await access.AppAsync(await access.RequireAsync(context, cancellationToken), id, cancellationToken);
        return TypedResults.Ok((await store.Environments.ListAsync(app.Id, cancellationToken)).Select(EnvironmentResponse.From).ToArray());
    }

    private static async Task<Created<EnvironmentResponse>> CreateEnvironmentAsync(string id, EnvironmentRequest body, HttpContext context, AdminAccess access, IAuthsomeStore store, TenancyEventPublisher events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var app = await access.AppAsync(caller, id, cancellationToken);
        var name = InputRules.Name(InputRules.Required(body.Name, "name")) ?? throw InputRules.Invalid("name", "Required.");
        var now = time.GetStoreNow();
        var environment = new AppEnvironment
        {
            Id = Id<AppEnvironment>.New(now),
            AppId = app.Id,
            Name = name,
            Slug = Slugs.From(body.Slug, name),
            Type = body.Type ?? EnvironmentType.Development,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await Conflicts(() => store.Environments.CreateAsync(environment, cancellationToken));
        await events.PublishAsync(TenancyEventTypes.EnvironmentCreated, app.Id, null, caller.User.Id, environment.Id.ToString(), cancellationToken);
        return TypedResults.Created($"{context.Request.PathBase}{context.Request.Path}/{environment.Id}", EnvironmentResponse.From(environment));
    }

    private static async Task<Ok<EnvironmentResponse>> UpdateEnvironmentAsync(string id, [FromRoute(Name = "env_id")] string envId, EnvironmentRequest body, HttpContext context, AdminAccess access, IAuthsomeStore store, AppResolver apps, TenancyEventPublisher events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var environment = await EnvironmentAsync(caller, access, store, id, envId, cancellationToken);
        var updated = environment with
        {
            Name = body.Name is null ? environment.Name : InputRules.Name(body.Name) ?? throw InputRules.Invalid("name", "Required."),
            Slug = body.Slug is null ? environment.Slug : Slugs.From(body.Slug, environment.Name),
            Type = body.Type ?? environment.Type,
            UpdatedAt = time.GetStoreNow(),
        };
        await Conflicts(() => store.Environments.UpdateAsync(updated, cancellationToken));
        apps.Invalidate();
        await events.PublishAsync(TenancyEventTypes.EnvironmentUpdated, environment.AppId, null, caller.User.Id, environment.Id.ToString(), cancellationToken);
        return TypedResults.Ok(EnvironmentResponse.From(updated));
    }

    private static async Task<NoContent> SetDefaultAsync(string id, [FromRoute(Name = "env_id")] string envId, HttpContext context, AdminAccess access, IAuthsomeStore store, AppResolver apps, TenancyEventPublisher events, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var environment = await EnvironmentAsync(caller, access, store, id, envId, cancellationToken);
        await store.Environments.SetDefaultAsync(environment.AppId, environment.Id, cancellationToken);
        apps.Invalidate();
        await events.PublishAsync(TenancyEventTypes.EnvironmentUpdated, environment.AppId, null, caller.User.Id, environment.Id.ToString(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteEnvironmentAsync(string id, [FromRoute(Name = "env_id")] string envId, HttpContext context, AdminAccess access, IAuthsomeStore store, AppResolver apps, TenancyEventPublisher events, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var environment = await EnvironmentAsync(caller, access, store, id, envId, cancellationToken);
        await ConflictsOf(() => store.Environments.DeleteAsync(environment.Id, cancellationToken).AsTask());
        apps.Invalidate();
        await events.PublishAsync(TenancyEventTypes.EnvironmentDeleted, environment.AppId, null, caller.User.Id, environment.Id.ToString(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SessionConfigBody>> GetSessionConfigAsync(string id, HttpContext context, AdminAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var app = await access.AppAsync(await access.RequireAsync(context, cancellationToken), id, cancellationToken);
        return TypedResults.Ok(SessionConfigBody.From(await store.AppSessionConfigs.GetAsync(app.Id, cancellationToken)));
    }

    private static async Task<Ok<SessionConfigBody>> PutSessionConfigAsync(string id, SessionConfigBody body, HttpContext context, AdminAccess access, IAuthsomeStore store, AppConfigCache configs, TenancyEventPublisher events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var app = await access.AppAsync(caller, id, cancellationToken);
        var now = time.GetStoreNow();
        var stored = await store.AppSessionConfigs.SetAsync(new AppSessionConfig
        {
            Id = Id<AppSessionConfig>.New(now),
            AppId = app.Id,
            TokenTtl = Seconds(body.AccessTokenTtlSeconds, "access_token_ttl_seconds", 60, 86_400),
            RefreshTokenTtl = Seconds(body.RefreshTokenTtlSeconds, "refresh_token_ttl_seconds", 300, 400 * 86_400),
            MaxActiveSessions = body.MaxActiveSessions is { } max and (< 1 or > 10_000) ? throw InputRules.Invalid("max_active_sessions", "Must be from 1 to 10000.") : body.MaxActiveSessions,
            RotateRefreshToken = body.RotateRefreshToken,
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
        configs.Invalidate(app.Id);
        await events.PublishAsync(TenancyEventTypes.AppConfigUpdated, app.Id, null, caller.User.Id, app.Id.ToString(), cancellationToken);
        return TypedResults.Ok(SessionConfigBody.From(stored));
    }

    private static async Task<Ok<ClientConfigBody>> GetClientConfigAsync(string id, HttpContext context, AdminAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var app = await access.AppAsync(await access.RequireAsync(context, cancellationToken), id, cancellationToken);
        return TypedResults.Ok(ClientConfigBody.From(await store.AppClientConfigs.GetAsync(app.Id, cancellationToken)));
    }

    private static async Task<Ok<ClientConfigBody>> PutClientConfigAsync(string id, ClientConfigBody body, HttpContext context, AdminAccess access, IAuthsomeStore store, AppConfigCache configs, TenancyEventPublisher events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var app = await access.AppAsync(caller, id, cancellationToken);
        var now = time.GetStoreNow();
        var current = await store.AppClientConfigs.GetAsync(app.Id, cancellationToken);
        var stored = await store.AppClientConfigs.SetAsync((current ?? new AppClientConfig { Id = Id<AppClientConfig>.New(now), AppId = app.Id, CreatedAt = now, UpdatedAt = now }) with
        {
            SignUpEnabled = body.SignUpEnabled,
            PasswordEnabled = body.PasswordEnabled,
            RequireEmailVerification = body.RequireEmailVerification,
            UpdatedAt = now,
        }, cancellationToken);
        configs.Invalidate(app.Id);
        await events.PublishAsync(TenancyEventTypes.AppConfigUpdated, app.Id, null, caller.User.Id, app.Id.ToString(), cancellationToken);
        return TypedResults.Ok(ClientConfigBody.From(stored));
    }

    private static async ValueTask<AppEnvironment> EnvironmentAsync(AdminCaller caller, AdminAccess access, IAuthsomeStore store, string appId, string envId, CancellationToken cancellationToken)
    {
        var app = await access.AppAsync(caller, appId, cancellationToken);
        var environment = Id<AppEnvironment>.TryParse(envId, out var parsed) ? await store.Environments.GetAsync(parsed, cancellationToken) : null;
        return environment is not null && environment.AppId == app.Id ? environment : throw new AuthsomeException(AuthsomeErrors.NotFound, "No such environment.");
    }

    private static TimeSpan? Seconds(int? value, string field, int min, int max) =>
        value is null ? null
        : value < min || value > max ? throw InputRules.Invalid(field, $"Must be from {min} to {max} seconds.")
        : TimeSpan.FromSeconds(value.Value);

    private static async Task ConflictsOf(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.DefaultEnvironment)
        {
            throw new AuthsomeException(AdminErrors.DefaultEnvironment, "The default environment cannot be deleted; make another one the default first.");
        }
        catch (StoreConflictException)
        {
            throw new AuthsomeException(TenancyErrors.SlugTaken, "The slug is taken.");
        }
        catch (StoreNotFoundException)
        {
            throw new AuthsomeException(AuthsomeErrors.NotFound, "Not found.");
        }
    }

    private static Task Conflicts(Func<ValueTask> write) => ConflictsOf(async () => await write());
}
