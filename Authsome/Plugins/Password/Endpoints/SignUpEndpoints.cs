using Authsome.Endpoints;
using Authsome.Endpoints.Contracts;
using Authsome.Hooks;
using Authsome.Passwords;
using Authsome.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Password.Endpoints;

/// <summary>Password sign-up and sign-in (mapped by the password plugin).</summary>
internal static class SignUpEndpoints
{
    private const string Tag = "Sign-in";

    public static void MapSignUpRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/signup", SignUpAsync)
            .WithName("SignUp").WithSummary("Create an account with an email and a password").WithTags(Tag)
            .Accepts<SignUpRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(PasswordHashingAdmission.Instance)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.SignUp);

        routes.MapPost("/signin", SignInAsync)
            .WithName("SignIn").WithSummary("Sign in with an email or username and a password").WithTags(Tag)
            .Accepts<SignInRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status423Locked, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(PasswordHashingAdmission.Instance)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);
    }

    private static async Task<Created<AuthResponse>> SignUpAsync(SignUpRequest body, HttpContext context, IPasswordAuthentication passwords, IOptions<AuthsomeOptions> options, CancellationToken cancellationToken)
    {
        var request = new PasswordSignUp(body.Email ?? string.Empty, body.Password ?? string.Empty) { Name = body.Name, Username = body.Username, Fields = body.Fields };
        var result = (await passwords.SignUpAsync(request, context.Client(), cancellationToken)).GetValueOrThrow();
        if (result.Session is { } issued)
        {
            SessionCookies.Issue(context, issued);
        }

        var response = new AuthResponse
        {
            User = UserResponse.From(result.User),
            SessionToken = result.Session?.AccessToken,
            RefreshToken = result.Session?.RefreshToken,
            ExpiresAt = result.Session?.Session.ExpiresAt,
            RefreshTokenExpiresAt = result.Session?.Session.RefreshTokenExpiresAt,
            EmailVerificationRequired = result.EmailVerificationRequired,
        };
        return TypedResults.Created($"{context.Request.PathBase}{options.Value.BasePath.TrimEnd('/')}/me", response);
    }

    private static async Task<Results<Ok<AuthResponse>, Ok<PendingSignIn>>> SignInAsync(SignInRequest body, HttpContext context, PasswordSignInService signIn, CancellationToken cancellationToken)
    {
        var outcome = await signIn.SignInAsync(body.Email, body.Username, body.Password, context.Client(), cancellationToken);
        return outcome.Completed is { } done ? TypedResults.Ok(AuthResponse.SignedIn(context, done.User, done.Session)) : TypedResults.Ok(outcome.Pending!);
    }
}
