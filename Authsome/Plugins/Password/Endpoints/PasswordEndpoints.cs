using Authsome.Endpoints;
using Authsome.Endpoints.Contracts;
using Authsome.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Plugins.Password.Endpoints;

/// <summary>Change, forget and reset a password (mapped by the password plugin).</summary>
internal static class PasswordEndpoints
{
    private const string Tag = "Passwords";

    public static void MapPasswordRoutes(this IEndpointRouteBuilder routes, RouteGroupBuilder authenticated)
    {
        authenticated.MapPost("/change-password", ChangeAsync)
            .WithName("ChangePassword").WithSummary("Change the password; every other session ends").WithTags(Tag)
            .Accepts<ChangePasswordRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status503ServiceUnavailable);

        routes.MapPost("/forgot-password", ForgotAsync)
            .WithName("ForgotPassword").WithSummary("Mail a reset link; answers the same whether or not the account exists").WithTags(Tag)
            .Accepts<ForgotPasswordRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.PasswordReset);

        routes.MapPost("/reset-password", ResetAsync)
            .WithName("ResetPassword").WithSummary("Set a new password with a reset token; every session ends").WithTags(Tag)
            .Accepts<ResetPasswordRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.PasswordReset);
    }

    private static async Task<Ok<RevokedSessionsResponse>> ChangeAsync(ChangePasswordRequest body, HttpContext context, IPasswordAuthentication passwords, CancellationToken cancellationToken)
    {
        var change = await passwords.ChangePasswordAsync(context.RequireSession(), body.CurrentPassword ?? string.Empty, body.NewPassword ?? string.Empty, cancellationToken);
        var revoked = change.GetValueOrThrow();
        return TypedResults.Ok(new RevokedSessionsResponse(revoked));
    }

    private static async Task<Ok<MessageResponse>> ForgotAsync(ForgotPasswordRequest body, IPasswordAuthentication passwords, CancellationToken cancellationToken)
    {
        (await passwords.RequestPasswordResetAsync(body.Email ?? string.Empty, cancellationToken)).ThrowIfFailed();
        return TypedResults.Ok(new MessageResponse("If an account uses this address, a reset link is on its way."));
    }

    private static async Task<Ok<MessageResponse>> ResetAsync(ResetPasswordRequest body, IPasswordAuthentication passwords, CancellationToken cancellationToken)
    {
        (await passwords.ResetPasswordAsync(body.Token ?? string.Empty, body.NewPassword ?? string.Empty, cancellationToken)).ThrowIfFailed();
        return TypedResults.Ok(new MessageResponse("The password was changed and every session was signed out."));
    }
}
