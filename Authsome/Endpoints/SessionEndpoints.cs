using Authsome.Endpoints.Contracts;
using Authsome.Errors;
using Authsome.RateLimiting;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Endpoints;

/// <summary>Sign-out, refresh, and the caller's sessions.</summary>
internal static class SessionEndpoints
{
    private const string Tag = "Sessions";

    public static void MapSessionRoutes(this IEndpointRouteBuilder routes, RouteGroupBuilder authenticated)
    {
        routes.MapPost("/refresh", RefreshAsync)
            .WithName("Refresh").WithSummary("Exchange a refresh token for new tokens (the old ones stop working)").WithTags(Tag)
            .Accepts<RefreshRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.Refresh);

        authenticated.MapPost("/signout", SignOutAsync)
            .WithName("SignOut").WithSummary("End the current session").WithTags(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        authenticated.MapGet("/sessions", ListAsync)
            .WithName("ListSessions").WithSummary("The caller's active sessions").WithTags(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        authenticated.MapDelete("/sessions/{id}", RevokeAsync)
            .WithName("RevokeSession").WithSummary("End one of the caller's sessions").WithTags(Tag)
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        authenticated.MapDelete("/sessions", RevokeOthersAsync)
            .WithName("RevokeOtherSessions").WithSummary("End every session of the caller except this one").WithTags(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<Ok<TokenResponse>> RefreshAsync(RefreshRequest body, HttpContext context, IAuthsomeEngine engine, CancellationToken cancellationToken)
    {
        var issued = (await engine.RefreshAsync(body.RefreshToken ?? string.Empty, context.Client(), cancellationToken)).GetValueOrThrow();
        SessionCookies.Issue(context, issued);
        return TypedResults.Ok(new TokenResponse
        {
            SessionToken = issued.AccessToken,
            RefreshToken = issued.RefreshToken,
            ExpiresAt = issued.Session.ExpiresAt,
            RefreshTokenExpiresAt = issued.Session.RefreshTokenExpiresAt,
        });
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context, IAuthsomeEngine engine, CancellationToken cancellationToken)
    {
        (await engine.SignOutAsync(context.RequireSession().Session, cancellationToken)).ThrowIfFailed();
        SessionCookies.Clear(context);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SessionResponse[]>> ListAsync(HttpContext context, IAuthsomeEngine engine, CancellationToken cancellationToken)
    {
        var current = context.RequireSession();
        var list = await engine.ListSessionsAsync(current.User.Id, cancellationToken);
        return TypedResults.Ok(list.Select(s => SessionResponse.From(s, current.Session.Id)).ToArray());
    }

    private static async Task<NoContent> RevokeAsync(string id, HttpContext context, SessionService sessions, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var current = context.RequireSession();
        // Someone else's session and no session answer alike: ids are not an oracle.
        var target = Id<Session>.TryParse(id, out var sessionId) ? await store.Sessions.GetAsync(sessionId, cancellationToken) : null;
        if (target is null || target.UserId != current.User.Id)
        {
            throw new AuthsomeException(AuthsomeErrors.NotFound, "No such session.");
        }

        await sessions.EndAsync(target, "revoked", cancellationToken);
        if (target.Id == current.Session.Id)
        {
            SessionCookies.Clear(context);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Ok<RevokedSessionsResponse>> RevokeOthersAsync(HttpContext context, IAuthsomeEngine engine, CancellationToken cancellationToken)
    {
        var current = context.RequireSession();
        var count = await engine.RevokeSessionsAsync(current.User.Id, current.Session.Id, "revoked", cancellationToken);
        return TypedResults.Ok(new RevokedSessionsResponse(count));
    }
}
