using Authsome.Accounts;
using Authsome.Endpoints.Contracts;
using Authsome.RateLimiting;
using Authsome.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Endpoints;

/// <summary>Email verification by link token or typed code, and resending the mail.</summary>
internal static class VerificationEndpoints
{
    private const string Tag = "Verification";

    public static void MapVerificationRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/verify-email", VerifyAsync)
            .WithName("VerifyEmail").WithSummary("Verify an email address with the token from the link, or the email and the code").WithTags(Tag)
            .Accepts<VerifyEmailRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.Verification);

        routes.MapPost("/verify-email/resend", ResendAsync)
            .WithName("ResendVerification").WithSummary("Send a new verification mail; answers the same whether or not the account exists").WithTags(Tag)
            .Accepts<ResendVerificationRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.Verification);
    }

    private static async Task<Ok<UserResponse>> VerifyAsync(VerifyEmailRequest body, VerificationService verification, CancellationToken cancellationToken)
    {
        if (body.Token is not null)
        {
            if (body.Code is not null || body.Email is not null)
            {
                throw InputRules.Invalid("token", "Give either the token, or the email and the code.");
            }

            return TypedResults.Ok(UserResponse.From(await verification.VerifyTokenAsync(body.Token, cancellationToken)));
        }

        var email = InputRules.Email(body.Email);
        var code = InputRules.Required(body.Code, "code");
        return TypedResults.Ok(UserResponse.From(await verification.VerifyCodeAsync(email, code.Trim(), cancellationToken)));
    }

    private static async Task<Ok<MessageResponse>> ResendAsync(ResendVerificationRequest body, VerificationService verification, CancellationToken cancellationToken)
    {
        await verification.ResendAsync(InputRules.Email(body.Email), cancellationToken);
        return TypedResults.Ok(new MessageResponse("If the address belongs to an account that is not verified yet, a new verification mail is on its way."));
    }
}
