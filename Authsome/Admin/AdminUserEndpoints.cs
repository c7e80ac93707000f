using Authsome.Accounts;
using Authsome.Endpoints;
using Authsome.Endpoints.Contracts;
using Authsome.Organizations;
using Authsome.Organizations.Contracts;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Admin;

/// <summary>Users of the apps an administrator reaches: search, ban, delete, and their sessions.</summary>
internal static class AdminUserEndpoints
{
    private const string Tag = "Admin: users";

    public static void MapAdminUserRoutes(this RouteGroupBuilder admin)
    {
        admin.MapGet("/users", ListAsync).WithName("AdminListUsers").WithSummary("An app's users (default: the caller's), by email substring, a page at a time").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapGet("/users/{id}", GetAsync).WithName("AdminGetUser").WithSummary("One user").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapPost("/users/{id}/ban", BanAsync).WithName("AdminBanUser").WithSummary("Ban a user, with a reason and an optional end; their sessions stop working").WithTags(Tag)
            .Accepts<BanRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapPost("/users/{id}/unban", UnbanAsync).WithName("AdminUnbanUser").WithSummary("Lift a ban").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapDelete("/users/{id}", DeleteAsync).WithName("AdminDeleteUser").WithSummary("Delete a user and end their sessions").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapGet("/users/{id}/sessions", ListSessionsAsync).WithName("AdminListUserSessions").WithSummary("A user's sessions").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        admin.MapDelete("/users/{id}/sessions", RevokeSessionsAsync).WithName("AdminRevokeUserSessions").WithSummary("End every session of a user").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<PageResponse<AdminUserResponse>>> ListAsync([FromQuery(Name = "app_id")] string? appId, string? email, string? cursor, string? limit, HttpContext context, AdminAccess access, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var app = appId is null ? caller.User.AppId : (await access.AppAsync(caller, appId, cancellationToken)).Id;
        if (email is { Length: > InputRules.MaxEmailLength })
        {
            throw InputRules.Invalid("email", "Too long.");
        }

        var page = PagingQuery.Parse(cursor, limit);
        page.CursorAfter<User>();
        var users = await store.Users.ListAsync(new UserQuery { AppId = app, EmailContains = string.IsNullOrWhiteSpace(email) ? null : email.Trim(), Page = page }, cancellationToken);
        return TypedResults.Ok(new PageResponse<AdminUserResponse>([.. users.Items.Select(AdminUserResponse.From)], users.NextCursor, users.Total));
    }

    private static async Task<Ok<AdminUserResponse>> GetAsync(string id, HttpContext context, AdminAccess access, CancellationToken cancellationToken) =>
        TypedResults.Ok(AdminUserResponse.From(await access.UserAsync(await access.RequireAsync(context, cancellationToken), id, cancellationToken)));

    private static async Task<Ok<AdminUserResponse>> BanAsync(string id, BanRequest body, HttpContext context, AdminAccess access, IAuthsomeStore store, SessionService sessions, TenancyEventPublisher events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var user = await access.UserAsync(caller, id, cancellationToken);
        var now = time.GetStoreNow();
        if (user.Id == caller.User.Id)
        {
            throw InputRules.Invalid("id", "You cannot ban yourself.");
        }

        if (body.ExpiresAt is { } until && until <= now)
        {
            throw InputRules.Invalid("expires_at", "Must be in the future.");
        }

        var banned = user with
        {
            Banned = true,
            BanReason = body.Reason is { Length: > 500 } ? throw InputRules.Invalid("reason", "At most 500 characters.") : body.Reason?.Trim(),
            BanExpires = body.ExpiresAt,
            UpdatedAt = now,
        };
        await UpdateAsync(store, user, banned, cancellationToken);
        await sessions.EndAllAsync(user.Id, null, "banned", cancellationToken);
        await events.PublishAsync(TenancyEventTypes.UserBanned, user.AppId, null, caller.User.Id, user.Id.ToString(), cancellationToken);
        return TypedResults.Ok(AdminUserResponse.From(banned));
    }

    private static async Task<Ok<AdminUserResponse>> UnbanAsync(string id, HttpContext context, AdminAccess access, IAuthsomeStore store, TenancyEventPublisher events, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var user = await access.UserAsync(caller, id, cancellationToken);
        var lifted = user with { Banned = false, BanReason = null, BanExpires = null, UpdatedAt = time.GetStoreNow() };
        await UpdateAsync(store, user, lifted, cancellationToken);
        await events.PublishAsync(TenancyEventTypes.UserUnbanned, user.AppId, null, caller.User.Id, user.Id.ToString(), cancellationToken);
        return TypedResults.Ok(AdminUserResponse.From(lifted));
    }

    private static async Task<NoContent> DeleteAsync(string id, HttpContext context, AdminAccess access, AccountService accounts, TenancyEventPublisher events, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var user = await access.UserAsync(caller, id, cancellationToken);
        if (user.Id == caller.User.Id)
        {
            throw InputRules.Invalid("id", "Delete your own account with DELETE /me.");
        }

        await accounts.DeleteAsync(user, cancellationToken);
        await events.PublishAsync(TenancyEventTypes.UserDeleted, user.AppId, null, caller.User.Id, user.Id.ToString(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SessionResponse[]>> ListSessionsAsync(string id, HttpContext context, AdminAccess access, SessionService sessions, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var user = await access.UserAsync(caller, id, cancellationToken);
        var current = context.RequireSession().Session.Id;
        return TypedResults.Ok((await sessions.ListAsync(user.Id, cancellationToken)).Select(s => SessionResponse.From(s, current)).ToArray());
    }

    private static async Task<Ok<RevokedSessionsResponse>> RevokeSessionsAsync(string id, HttpContext context, AdminAccess access, SessionService sessions, TenancyEventPublisher events, CancellationToken cancellationToken)
    {
        var caller = await access.RequireAsync(context, cancellationToken);
        var user = await access.UserAsync(caller, id, cancellationToken);
        var count = await sessions.EndAllAsync(user.Id, null, "revoked_by_admin", cancellationToken);
        await events.PublishAsync(TenancyEventTypes.UserSessionsRevoked, user.AppId, null, caller.User.Id, user.Id.ToString(), cancellationToken);
        return TypedResults.Ok(new RevokedSessionsResponse(count));
    }

    // The store writes only if the user is still as read: a concurrent change asks for a retry rather than being lost.
    private static async Task UpdateAsync(IAuthsomeStore store, User original, User updated, CancellationToken cancellationToken)
    {
        if (!await store.Users.UpdateAsync(original, updated, cancellationToken))
        {
            throw new Errors.AuthsomeException(Errors.AuthsomeErrors.ServiceBusy, "The user changed meanwhile; retry.") { RetryAfterSeconds = 1 };
        }
    }
}
