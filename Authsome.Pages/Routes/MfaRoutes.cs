using Authsome.Accounts;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Hooks;
using Authsome.Pages.Components.Mfa;
using Authsome.Pages.Security;
using Authsome.Plugins.Mfa;
using Authsome.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>
/// Two-step verification (the MFA plugin's TOTP): the challenge that finishes a held-back sign-in, enrollment when the
/// app requires MFA before the first sign-in, and the account's MFA page (turn on with a QR code, new recovery codes,
/// turn off). Mapped only when the plugin is added. Tickets travel in hidden fields, never in URLs.
/// </summary>
internal static class MfaRoutes
{
    private const string ChallengeTitle = "Two-step verification";
    private const string SetupTitle = "Set up two-step verification";
    private const string ManageTitle = "Two-step verification";

    public static void MapMfaPages(this IEndpointRouteBuilder pages)
    {
        pages.MapPost("/mfa/challenge", ChallengeAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);
        pages.MapPost("/mfa/enroll", ConfirmWithTicketAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);
        pages.MapGet("/account/mfa", ManageAsync);
        pages.MapPost("/account/mfa/enroll", EnrollAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);
        pages.MapPost("/account/mfa/confirm", ConfirmAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);
        pages.MapPost("/account/mfa/recovery-codes", RegenerateAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);
        pages.MapPost("/account/mfa/disable", DisableAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);
    }

    /// <summary>
    /// The next step of a sign-in the engine held back (<c>sign_in_pending</c>): the challenge, or enrollment when the app
    /// requires MFA and the user has none. Null when the failure is something else or the plugin is not added.
    /// </summary>
    public static async Task<IResult?> PendingAsync(HttpContext context, PageRenderer pages, AuthsomeFailure failure, string? returnUrl)
    {
        if (failure.Code != PendingSignIn.Error.Code || failure.Extensions.GetValueOrDefault("mfa_ticket") is not string ticket
            || context.RequestServices.GetService(typeof(MfaService)) is not MfaService mfa)
        {
            return null;
        }

        if (failure.Extensions.GetValueOrDefault("mfa_enrollment_required") is true)
        {
            var enrollment = await mfa.EnrollAsync(ticket, context.RequestAborted);
            return await SetupAsync(context, pages, "mfa/enroll", ticket, returnUrl, enrollment);
        }

        return await pages.RenderAsync<MfaChallenge>(context, ChallengeTitle, new()
        {
            [nameof(MfaChallenge.Ticket)] = ticket,
            [nameof(MfaChallenge.ReturnUrl)] = returnUrl,
        });
    }

    private static async Task<IResult> ChallengeAsync(HttpContext context, PageRenderer pages, ReturnUrls returns, MfaService mfa)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        string? ticket = form["mfa_ticket"];
        string? recoveryCode = form["recovery_code"];
        var returnUrl = returns.Allowed(form["return_url"]);
        try
        {
            // No trust offered: a browser sends no X-Device-Id, and only such an id (never a copyable User-Agent) can be trusted.
            var outcome = await mfa.ChallengeAsync(ticket, form["code"], recoveryCode, trustDevice: false, context.Client(), context.RequestAborted);
            return SignedIn(context, outcome, returns, returnUrl);
        }
        catch (AuthsomeException ex) when (ex.Error != MfaErrors.TicketInvalid)
        {
            return await pages.RenderAsync<MfaChallenge>(context, ChallengeTitle, new()
            {
                [nameof(MfaChallenge.Ticket)] = ticket,
                [nameof(MfaChallenge.ReturnUrl)] = returnUrl,
                [nameof(MfaChallenge.RecoveryTried)] = recoveryCode is not null,
                [nameof(MfaChallenge.Errors)] = FormErrors.From(ex),
            }, ex.Error.Status);
        }
        catch (AuthsomeException ex)
        {
            return await StartOverAsync(context, pages, ex);
        }
    }

    private static async Task<IResult> ConfirmWithTicketAsync(HttpContext context, PageRenderer pages, ReturnUrls returns, MfaService mfa)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        string? ticket = form["mfa_ticket"];
        var returnUrl = returns.Allowed(form["return_url"]);
        try
        {
            var (codes, outcome) = await mfa.ConfirmAsync(ticket, form["code"], context.Client(), context.RequestAborted);
            SessionCookies.Write(context, outcome.Session);
            return await RecoveryCodesAsync(context, pages, codes, "Two-step verification is on, and you are signed in.", returns.OrAccount(returnUrl));
        }
        catch (AuthsomeException ex) when (ex.Error != MfaErrors.TicketInvalid)
        {
            return await SetupAsync(context, pages, "mfa/enroll", ticket, returnUrl, null, ex);
        }
        catch (AuthsomeException ex)
        {
            return await StartOverAsync(context, pages, ex);
        }
    }

    private static async Task<IResult> ManageAsync(HttpContext context, PageRenderer pages, PageSessions current, MfaService mfa) =>
        await current.GetAsync(context) is { } signedIn
            ? await ManagePageAsync(context, pages, mfa, signedIn.User)
            : AccountRoutes.SignInFirst(context, pages, "account/mfa");

    private static Task<IResult> EnrollAsync(HttpContext context, PageRenderer pages, PageSessions current, MfaService mfa) =>
        AccountRoutes.SignedInFormAsync(context, pages, current, "account/mfa", async (form, signedIn) =>
        {
            try
            {
                var enrollment = await mfa.EnrollAsync(signedIn.User, form["password"], context.RequestAborted);
                return await SetupAsync(context, pages, "account/mfa/confirm", null, null, enrollment);
            }
            catch (AuthsomeException ex)
            {
                return await ManagePageAsync(context, pages, mfa, signedIn.User, ex);
            }
        });

    private static Task<IResult> ConfirmAsync(HttpContext context, PageRenderer pages, PageSessions current, MfaService mfa) =>
        AccountRoutes.SignedInFormAsync(context, pages, current, "account/mfa", async (form, signedIn) =>
        {
            try
            {
                var codes = await mfa.ConfirmAsync(signedIn.User, form["code"], context.RequestAborted);
                return await RecoveryCodesAsync(context, pages, codes, "Two-step verification is on.", pages.BasePath(context) + "/account/mfa");
            }
            catch (AuthsomeException ex)
            {
                return await SetupAsync(context, pages, "account/mfa/confirm", null, null, null, ex);
            }
        });

    private static Task<IResult> RegenerateAsync(HttpContext context, PageRenderer pages, PageSessions current, MfaService mfa) =>
        AccountRoutes.SignedInFormAsync(context, pages, current, "account/mfa", async (form, signedIn) =>
        {
            try
            {
                var (code, recoveryCode) = Proof(form, MfaManage.RegenerateField);
                var codes = await mfa.RegenerateRecoveryCodesAsync(signedIn.User, code, recoveryCode, context.RequestAborted);
                return await RecoveryCodesAsync(context, pages, codes, "You have new recovery codes; the old ones no longer work.", pages.BasePath(context) + "/account/mfa");
            }
            catch (AuthsomeException ex)
            {
                return await ManagePageAsync(context, pages, mfa, signedIn.User, ex);
            }
        });

    private static Task<IResult> DisableAsync(HttpContext context, PageRenderer pages, PageSessions current, MfaService mfa) =>
        AccountRoutes.SignedInFormAsync(context, pages, current, "account/mfa", async (form, signedIn) =>
        {
            try
            {
                var (code, recoveryCode) = Proof(form, MfaManage.DisableField);
                await mfa.DisableAsync(signedIn.User, code, recoveryCode, context.RequestAborted);
                return PageRenderer.SeeOther(context, pages.BasePath(context) + "/account/mfa");
            }
            catch (AuthsomeException ex)
            {
                return await ManagePageAsync(context, pages, mfa, signedIn.User, ex);
            }
        });

    // One box takes either proof: six digits are an authenticator code, anything else a recovery code (never six digits).
    private static (string? Code, string? RecoveryCode) Proof(IFormCollection form, string field)
    {
        var value = InputRules.Required(form[field], field).Trim();
        return value.Length == 6 && value.All(char.IsAsciiDigit) ? (value, null) : (null, value);
    }

    private static IResult SignedIn(HttpContext context, SignInOutcome outcome, ReturnUrls returns, string? returnUrl)
    {
        SessionCookies.Write(context, outcome.Session);
        return PageRenderer.SeeOther(context, returns.OrAccount(returnUrl));
    }

    private static async Task<IResult> ManagePageAsync(HttpContext context, PageRenderer pages, MfaService mfa, Store.User user, AuthsomeException? failure = null)
    {
        var (enabled, left) = await mfa.StatusAsync(user, context.RequestAborted);
        return await pages.RenderAsync<MfaManage>(context, ManageTitle, new()
        {
            [nameof(MfaManage.Enabled)] = enabled,
            [nameof(MfaManage.RecoveryCodesLeft)] = left,
            [nameof(MfaManage.NeedsPassword)] = user.PasswordHash is not null,
            [nameof(MfaManage.Errors)] = failure is null ? null : FormErrors.From(failure),
        }, failure?.Error.Status ?? StatusCodes.Status200OK);
    }

    private static Task<IResult> SetupAsync(HttpContext context, PageRenderer pages, string action, string? ticket, string? returnUrl, TotpEnrollment? enrollment, AuthsomeException? failure = null) =>
        pages.RenderAsync<TotpSetup>(context, SetupTitle, new()
        {
            [nameof(TotpSetup.Action)] = action,
            [nameof(TotpSetup.Ticket)] = ticket,
            [nameof(TotpSetup.ReturnUrl)] = returnUrl,
            [nameof(TotpSetup.Secret)] = enrollment?.Secret,
            [nameof(TotpSetup.QrSvg)] = enrollment?.QrSvg,
            [nameof(TotpSetup.Errors)] = failure is null ? null : FormErrors.From(failure),
        }, failure?.Error.Status ?? StatusCodes.Status200OK);

    private static Task<IResult> RecoveryCodesAsync(HttpContext context, PageRenderer pages, IReadOnlyList<string> codes, string message, string continueHref) =>
        pages.RenderAsync<RecoveryCodeList>(context, "Your recovery codes", new()
        {
            [nameof(RecoveryCodeList.Codes)] = codes,
            [nameof(RecoveryCodeList.Message)] = message,
            [nameof(RecoveryCodeList.ContinueHref)] = continueHref,
        });

    // The ticket expired, was used up by wrong codes, or its user can no longer sign in: the sign-in starts again.
    private static Task<IResult> StartOverAsync(HttpContext context, PageRenderer pages, AuthsomeException failure) =>
        pages.RenderAsync<Components.Notice>(context, "Please sign in again", new()
        {
            [nameof(Components.Notice.Message)] = "This sign-in attempt has expired or had too many wrong codes. Sign in again to get a new one.",
            [nameof(Components.Notice.LinkHref)] = pages.BasePath(context) + "/sign-in",
            [nameof(Components.Notice.LinkText)] = "Sign in",
        }, failure.Error.Status);
}
