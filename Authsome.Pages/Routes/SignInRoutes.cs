using Authsome.Endpoints;
using Authsome.Pages.Components;
using Authsome.Pages.Security;
using Authsome.Plugins.Password;
using Authsome.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>The sign-in page (password, and links to the other methods the app offers) and sign-out.</summary>
internal static class SignInRoutes
{
    public static void MapSignInPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/sign-in", Show);
        pages.MapPost("/sign-in", SignInAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);
        pages.MapPost("/sign-out", SignOutAsync);
    }

    private static Task<IResult> Show(HttpContext context, PageRenderer pages, ReturnUrls returns, string? return_url, string? signed_out, string? social_error) =>
        RenderAsync(context, pages, new()
        {
            [nameof(SignIn.ReturnUrl)] = returns.Allowed(return_url),
            [nameof(SignIn.Notice)] = signed_out is not null ? "You are signed out." : social_error is not null ? "Signing in with the provider did not complete. Please try again." : null,
        });

    /// <summary>The sign-in page with the other ways to sign in that the app offers.</summary>
    public static async Task<IResult> RenderAsync(HttpContext context, PageRenderer pages, Dictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
    {
        var (magicLink, social, passkeys) = await SignInMethods.OfferedAsync(context);
        parameters[nameof(SignIn.MagicLink)] = magicLink;
        parameters[nameof(SignIn.Social)] = social;
        parameters[nameof(SignIn.PasskeyOptionsUrl)] = passkeys ? AccountRoutes.EngineRoute(context, "passkeys/signin/options") : null;
        return await pages.RenderAsync<SignIn>(context, "Sign in", parameters, status);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, PageRenderer pages, IPasswordAuthentication passwords, ReturnUrls returns)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        string? email = form["email"];
        var returnUrl = returns.Allowed(form["return_url"]);
        var result = await passwords.SignInAsync(PasswordSignIn.WithEmail(email ?? string.Empty, form["password"].ToString()), context.Client(), context.RequestAborted);
        if (!result.Succeeded)
        {
            if (await MfaRoutes.PendingAsync(context, pages, result.Failure, returnUrl) is { } nextStep)
            {
                return nextStep;
            }

            return await RenderAsync(context, pages, new()
            {
                [nameof(SignIn.Errors)] = FormErrors.From(result.Failure),
                [nameof(SignIn.Email)] = email,
                [nameof(SignIn.ReturnUrl)] = returnUrl,
            }, result.Failure.Error.Status);
        }

        SessionCookies.Write(context, result.Value.Session);
        return PageRenderer.SeeOther(context, returns.OrAccount(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, PageRenderer pages, PageSessions current, IAuthsomeEngine engine)
    {
        if (await pages.ReadFormAsync(context) is null)
        {
            return await pages.RefusedAsync(context);
        }

        // A before-hook may refuse to end the session; the browser forgets its cookie all the same.
        if (await current.GetAsync(context) is { } signedIn)
        {
            await engine.SignOutAsync(signedIn.Session, context.RequestAborted);
        }

        SessionCookies.Delete(context);
        return PageRenderer.SeeOther(context, pages.BasePath(context) + "/sign-in?signed_out=1");
    }
}
