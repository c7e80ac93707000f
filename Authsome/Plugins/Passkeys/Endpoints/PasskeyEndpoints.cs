using Authsome.Endpoints;
using Authsome.Endpoints.Contracts;
using Authsome.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Plugins.Passkeys.Endpoints;

/// <summary>The passkey routes: registration and sign-in ceremonies, and the caller's passkeys.</summary>
internal static class PasskeyEndpoints
{
    private const string Tag = "Passkeys";
    private const string Json = "application/json";

    public static void MapPasskeyRoutes(this IEndpointRouteBuilder routes)
    {
        var passkeys = routes.MapGroup("/passkeys").WithTags(Tag);
        var authenticated = passkeys.MapGroup(string.Empty).RequireAuthsomeSession();

        authenticated.MapPost("/register/options", RegistrationOptionsAsync)
            .WithName("PasskeyRegistrationOptions").WithSummary("PublicKeyCredentialCreationOptions (JSON) for navigator.credentials.create")
            .Produces(StatusCodes.Status200OK, contentType: Json).ProducesProblem(StatusCodes.Status401Unauthorized);

        authenticated.MapPost("/register/verify", RegisterAsync)
            .WithName("PasskeyRegister").WithSummary("Verify and store the new passkey (the JSON of credential.toJSON())")
            .Accepts<PasskeyRegisterRequest>(Json)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized);

        passkeys.MapPost("/signin/options", SignInOptionsAsync)
            .WithName("PasskeySignInOptions").WithSummary("PublicKeyCredentialRequestOptions (JSON) for navigator.credentials.get")
            .Accepts<PasskeySignInOptionsRequest>(Json).Produces(StatusCodes.Status200OK, contentType: Json)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);

        passkeys.MapPost("/signin/verify", SignInAsync)
            .WithName("PasskeySignIn").WithSummary("Sign in with a passkey assertion (the JSON of credential.toJSON()); satisfies MFA")
            .Accepts<PasskeySignInRequest>(Json)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);

        authenticated.MapGet(string.Empty, ListAsync)
            .WithName("ListPasskeys").WithSummary("The caller's passkeys").ProducesProblem(StatusCodes.Status401Unauthorized);

        authenticated.MapPatch("/{id}", RenameAsync)
            .WithName("RenamePasskey").WithSummary("Rename one of the caller's passkeys")
            .Accepts<PasskeyRenameRequest>(Json)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        authenticated.MapDelete("/{id}", DeleteAsync)
            .WithName("DeletePasskey").WithSummary("Delete one of the caller's passkeys")
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
    }

    private static async Task<ContentHttpResult> RegistrationOptionsAsync(HttpContext context, PasskeyService passkeys, CancellationToken cancellationToken) =>
        TypedResults.Text(await passkeys.RegistrationOptionsAsync(context.RequireSession().User, cancellationToken), Json);

    private static async Task<Ok<PasskeyResponse>> RegisterAsync(PasskeyRegisterRequest body, HttpContext context, PasskeyService passkeys, CancellationToken cancellationToken) =>
        TypedResults.Ok(PasskeyResponse.From(await passkeys.RegisterAsync(context.RequireSession().User, body.Credential, body.Name, cancellationToken)));

    private static async Task<ContentHttpResult> SignInOptionsAsync(PasskeySignInOptionsRequest body, PasskeyService passkeys, CancellationToken cancellationToken) =>
        TypedResults.Text(await passkeys.SignInOptionsAsync(body.Email, cancellationToken), Json);

    private static async Task<Ok<AuthResponse>> SignInAsync(PasskeySignInRequest body, HttpContext context, PasskeyService passkeys, CancellationToken cancellationToken)
    {
        var outcome = await passkeys.SignInAsync(body.Credential, context.Client(), cancellationToken);
        return TypedResults.Ok(AuthResponse.SignedIn(context, outcome.User, outcome.Session!));
    }

    private static async Task<Ok<PasskeyResponse[]>> ListAsync(HttpContext context, PasskeyService passkeys, CancellationToken cancellationToken) =>
        TypedResults.Ok((await passkeys.ListAsync(context.RequireSession().User, cancellationToken)).Select(PasskeyResponse.From).ToArray());

    private static async Task<Ok<PasskeyResponse>> RenameAsync(string id, PasskeyRenameRequest body, HttpContext context, PasskeyService passkeys, CancellationToken cancellationToken) =>
        TypedResults.Ok(PasskeyResponse.From(await passkeys.RenameAsync(context.RequireSession().User, id, body.Name, cancellationToken)));

    private static async Task<NoContent> DeleteAsync(string id, HttpContext context, PasskeyService passkeys, CancellationToken cancellationToken)
    {
        await passkeys.DeleteAsync(context.RequireSession().User, id, cancellationToken);
        return TypedResults.NoContent();
    }
}
