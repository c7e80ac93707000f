using Authsome.Authentication;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Authsome.SamplePlugin.Plugin;

/// <summary>The plugin's routes: request a code, sign in with it, and a signed-in route of its own.</summary>
public static class OneTimeCodeEndpoints
{
    private const string Tag = "One-time code (sample)";

    /// <summary>Maps <c>/one-time-code/request</c>, <c>/one-time-code/sign-in</c> and <c>/one-time-code/me</c>.</summary>
    public static void MapOneTimeCodeRoutes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/one-time-code").WithTags(Tag);
        group.MapPost("/request", RequestAsync).WithName("SampleRequestCode");
        group.MapPost("/sign-in", SignInAsync).WithName("SampleSignInWithCode");
        group.MapGet("/me", Me).WithName("SampleMe").RequireAuthsomeSession();
    }

    /// <summary>A request for a code.</summary>
    /// <param name="Email">The address to send it to.</param>
    public sealed record CodeRequest(string? Email);

    /// <summary>A sign-in with a code.</summary>
    /// <param name="Email">The address.</param>
    /// <param name="Code">The code sent to it.</param>
    public sealed record CodeSignIn(string? Email, string? Code);

    /// <summary>The plugin's answer to a sign-in: the engine's tokens.</summary>
    /// <param name="UserId">The user.</param>
    /// <param name="SessionToken">The access token.</param>
    /// <param name="RefreshToken">The refresh token.</param>
    /// <param name="ExpiresAt">When the access token expires.</param>
    public sealed record CodeSignInResponse(string UserId, string SessionToken, string RefreshToken, DateTimeOffset ExpiresAt);

    /// <summary>What the signed-in route answers.</summary>
    /// <param name="UserId">The user.</param>
    /// <param name="SignIns">Sign-ins the plugin's hook counted for them.</param>
    public sealed record SampleMeResponse(string UserId, int SignIns);

    // A sample stand-in for mailing the code: the code is returned, so the tests can use it.
    private static async Task<Ok<string>> RequestAsync(CodeRequest body, IAuthsomeEngine engine, OneTimeCodes codes, CancellationToken cancellationToken)
    {
        var email = body.Email ?? throw new AuthsomeException(AuthsomeErrors.ValidationFailed, "email is required.");
        if (await engine.FindUserByEmailAsync(email, cancellationToken) is null)
        {
            // A first code creates the account: the code proves the address, so it is verified.
            var created = await engine.CreateUserAsync(new NewUser(email, OneTimeCodePlugin.Method) { EmailVerified = true }, cancellationToken);
            created.GetValueOrThrow();
        }

        return TypedResults.Ok(codes.Issue(email));
    }

    private static async Task<Ok<CodeSignInResponse>> SignInAsync(
        CodeSignIn body, HttpContext context, IAuthsomeEngine engine, OneTimeCodes codes, ILogger<OneTimeCodePlugin> logger, CancellationToken cancellationToken)
    {
        var user = body.Email is { } email && body.Code is { } code && codes.TryRedeem(email, code)
            ? await engine.FindUserByEmailAsync(email, cancellationToken)
            : null;
        if (user is null)
        {
            throw new AuthsomeException(AuthsomeErrors.InvalidCredentials);
        }

        var client = new ClientInfo(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
        var signedIn = (await engine.SignInAsync(user, OneTimeCodePlugin.Method, client, cancellationToken)).GetValueOrThrow();
        logger.SignedIn(user.Id.ToString());
        var session = signedIn.Session;
        return TypedResults.Ok(new CodeSignInResponse(user.Id.ToString(), session.AccessToken, session.RefreshToken, session.Session.ExpiresAt));
    }

    private static async Task<Ok<SampleMeResponse>> Me(HttpContext context, OneTimeCodePlugin plugin, CancellationToken cancellationToken)
    {
        var current = context.GetAuthsomeSession() ?? throw new AuthsomeException(AuthsomeErrors.Unauthenticated);
        return TypedResults.Ok(new SampleMeResponse(current.User.Id.ToString(), await plugin.CountSignInsAsync(current.User.Id, cancellationToken)));
    }
}
