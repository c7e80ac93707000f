using Authsome.Authentication;
using Authsome.Endpoints;
using Authsome.Endpoints.Contracts;
using Authsome.Errors;
using Authsome.RateLimiting;
using Authsome.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Plugins.Mfa.Endpoints;

/// <summary>The MFA routes: TOTP enrollment and removal, recovery codes, and the sign-in challenge.</summary>
internal static class MfaEndpoints
{
    private const string Tag = "MFA";

    public static void MapMfaRoutes(this IEndpointRouteBuilder routes)
    {
        var mfa = routes.MapGroup("/mfa").WithTags(Tag);
        var authenticated = mfa.MapGroup(string.Empty).RequireAuthsomeSession();

        mfa.MapPost("/totp/enroll", EnrollAsync)
            .WithName("MfaEnrollTotp").WithSummary("Start TOTP enrollment: signed in (with the password) or with an enrollment-only ticket")
            .Accepts<MfaEnrollRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);

        mfa.MapPost("/totp/confirm", ConfirmAsync)
            .WithName("MfaConfirmTotp").WithSummary("Turn TOTP on with a first code; returns the recovery codes once")
            .Accepts<MfaConfirmRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);

        mfa.MapPost("/challenge", ChallengeAsync)
            .WithName("MfaChallenge").WithSummary("Finish a sign-in held back for MFA with a code or a recovery code")
            .Accepts<MfaChallengeRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);

        authenticated.MapGet(string.Empty, StatusAsync)
            .WithName("MfaStatus").WithSummary("Whether TOTP is on, and how many recovery codes are left")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        authenticated.MapDelete("/totp", DisableAsync)
            .WithName("MfaDisableTotp").WithSummary("Turn TOTP off (needs a current code or a recovery code)")
            .Accepts<MfaProofRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);

        authenticated.MapPost("/recovery-codes", RegenerateAsync)
            .WithName("MfaRegenerateRecoveryCodes").WithSummary("Replace the recovery codes (needs a current code or a recovery code)")
            .Accepts<MfaProofRequest>("application/json")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status409Conflict)
            .RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);
    }

    private static async Task<Ok<MfaEnrollResponse>> EnrollAsync(MfaEnrollRequest body, HttpContext context, MfaService mfa, CancellationToken cancellationToken)
    {
        var enrollment = body.MfaTicket is not null
            ? await mfa.EnrollAsync(body.MfaTicket, cancellationToken)
            : await mfa.EnrollAsync((await SessionAsync(context)).User, body.Password, cancellationToken);
        return TypedResults.Ok(new MfaEnrollResponse(enrollment.Secret, enrollment.OtpAuthUri, enrollment.QrSvg));
    }

    private static async Task<Ok<MfaRecoveryCodesResponse>> ConfirmAsync(MfaConfirmRequest body, HttpContext context, MfaService mfa, CancellationToken cancellationToken)
    {
        if (body.MfaTicket is null)
        {
            var codes = await mfa.ConfirmAsync((await SessionAsync(context)).User, body.Code, cancellationToken);
            return TypedResults.Ok(new MfaRecoveryCodesResponse { RecoveryCodes = codes });
        }

        var (recoveryCodes, signIn) = await mfa.ConfirmAsync(body.MfaTicket, body.Code, context.Client(), cancellationToken);
        return TypedResults.Ok(new MfaRecoveryCodesResponse
        {
            RecoveryCodes = recoveryCodes,
            SignIn = signIn.Session is { } issued ? AuthResponse.SignedIn(context, signIn.User, issued) : null,
        });
    }

    private static async Task<Ok<AuthResponse>> ChallengeAsync(MfaChallengeRequest body, HttpContext context, MfaService mfa, CancellationToken cancellationToken)
    {
        var outcome = await mfa.ChallengeAsync(body.MfaTicket, body.Code, body.RecoveryCode, body.TrustDevice == true, context.Client(), cancellationToken);
        return TypedResults.Ok(AuthResponse.SignedIn(context, outcome.User, outcome.Session!));
    }

    private static async Task<Ok<MfaStatusResponse>> StatusAsync(HttpContext context, MfaService mfa, CancellationToken cancellationToken)
    {
        var (enabled, left) = await mfa.StatusAsync(context.RequireSession().User, cancellationToken);
        return TypedResults.Ok(new MfaStatusResponse(enabled, left));
    }

    private static async Task<NoContent> DisableAsync(MfaProofRequest body, HttpContext context, MfaService mfa, CancellationToken cancellationToken)
    {
        await mfa.DisableAsync(context.RequireSession().User, body.Code, body.RecoveryCode, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MfaRecoveryCodesResponse>> RegenerateAsync(MfaProofRequest body, HttpContext context, MfaService mfa, CancellationToken cancellationToken)
    {
        var codes = await mfa.RegenerateRecoveryCodesAsync(context.RequireSession().User, body.Code, body.RecoveryCode, cancellationToken);
        return TypedResults.Ok(new MfaRecoveryCodesResponse { RecoveryCodes = codes });
    }

    /// <summary>The caller's session on a route that also takes a ticket instead, so it is not behind the session policy.</summary>
    private static async ValueTask<AuthenticatedSession> SessionAsync(HttpContext context)
    {
        await context.AuthenticateAsync(AuthsomeAuthenticationDefaults.AuthenticationScheme);
        return context.GetAuthsomeSession() ?? throw new AuthsomeException(AuthsomeErrors.Unauthenticated);
    }
}
