using Authsome.Authentication;
using Authsome.Accounts;
using Authsome.Endpoints.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Endpoints;

/// <summary>The signed-in user's own account.</summary>
internal static class MeEndpoints
{
    private const string Tag = "Account";

    public static void MapMeRoutes(this RouteGroupBuilder authenticated)
    {
        authenticated.MapGet("/me", GetAsync)
            .WithName("GetMe").WithSummary("The signed-in user (or the owner of the API key)").WithTags(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        authenticated.MapPatch("/me", UpdateAsync)
            .WithName("UpdateMe").WithSummary("Change the signed-in user's profile").WithTags(Tag)
            .Accepts<UpdateProfileRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict);

        authenticated.MapDelete("/me", DeleteAsync)
            .WithName("DeleteMe").WithSummary("Delete the signed-in user's account and end its sessions").WithTags(Tag)
            .Accepts<DeleteAccountRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
    }

    private static Task<Ok<UserResponse>> GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // A session's user with its active organization, or the owner of a user's API key (keys have no active organization).
        var session = context.GetAuthsomeSession();
        var user = session?.User ?? context.RequireUser();
        return Task.FromResult(TypedResults.Ok(UserResponse.From(user) with { ActiveOrgId = session?.Session.OrgId?.ToString() }));
    }

    private static async Task<Ok<UserResponse>> UpdateAsync(
        UpdateProfileRequest body, HttpContext context, IAuthsomeEngine engine, ReauthenticationService reauthentication, CancellationToken cancellationToken)
    {
        var current = context.RequireSession();
        // The username signs in: changing it needs the same proof as changing the password.
        if (body.Username is not null && !string.Equals(body.Username.ToLowerInvariant(), current.User.Username, StringComparison.Ordinal))
        {
            await reauthentication.EnsureAsync(current, body.CurrentPassword, cancellationToken);
        }

        var change = new UserUpdate { Name = body.Name, FirstName = body.FirstName, LastName = body.LastName, Username = body.Username, Image = body.Image };
        var updated = await engine.UpdateUserAsync(current.User.Id, change, cancellationToken);
        return TypedResults.Ok(UserResponse.From(updated.GetValueOrThrow()));
    }

    private static async Task<NoContent> DeleteAsync(
        DeleteAccountRequest body, HttpContext context, IAuthsomeEngine engine, ReauthenticationService reauthentication, CancellationToken cancellationToken)
    {
        var current = context.RequireSession();
        await reauthentication.EnsureAsync(current, body.CurrentPassword, cancellationToken);
        (await engine.DeleteUserAsync(current.User.Id, cancellationToken)).ThrowIfFailed();
        SessionCookies.Clear(context);
        return TypedResults.NoContent();
    }
}
