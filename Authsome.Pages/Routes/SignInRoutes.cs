using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Pages.Components;
using Authsome.Pages.Security;
using Authsome.Plugins;
using Authsome.Plugins.Password;
using Authsome.RateLimiting;
using Authsome.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>The sign-in page (password) and sign-out.</summary>
internal static class SignInRoutes
{
    public static void MapSignInPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/sign-in", Show);
        pages.MapPost("/sign-in", SignInAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);
        pages.MapPost("/sign-out", SignOutAsync);
    }

    private static Task<IResult> Show(HttpContext context, PageRenderer pages, ReturnUrls returns, string? return_url, string? signed_out) =>
        pages.RenderAsync<SignIn>(context, "Sign in", new()
        {
            [nameof(SignIn.ReturnUrl)] = returns.Allowed(return_url),
            [nameof(SignIn.Notice)] = signed_out is null ? null : "You are signed out.",
        });

    private static async Task<IResult> SignInAsync(HttpContext context, PageRenderer pages, PasswordSignInService signIn, ReturnUrls returns)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        string? email = form["email"];
        var returnUrl = returns.Allowed(form["return_url"]);
        try
        {
            var (_, issued) = await signIn.SignInAsync(email, null, form["password"], context.Client(), context.RequestAborted);
            SessionCookies.Write(context, issued);
            return PageRenderer.SeeOther(context, returns.OrAccount(returnUrl));
        }
        catch (AuthsomeException ex)
        {
            return await pages.RenderAsync<SignIn>(context, "Sign in", new()
            {
                [nameof(SignIn.Errors)] = FormErrors.From(ex),
                [nameof(SignIn.Email)] = email,
                [nameof(SignIn.ReturnUrl)] = returnUrl,
            }, ex.Error.Status);
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, PageRenderer pages, PageSessions current, SessionService sessions, HookRunner hooks)
    {
        if (await pages.ReadFormAsync(context) is null)
        {
            return await pages.RefusedAsync(context);
        }

        if (await current.GetAsync(context) is { } signedIn)
        {
            var cancellationToken = context.RequestAborted;
            await hooks.BeforeAsync(nameof(IAuthsomeHooks.BeforeSignOutAsync), h => h.BeforeSignOutAsync(signedIn.Session, cancellationToken));
            await sessions.EndAsync(signedIn.Session, "signed_out", cancellationToken);
            await hooks.AfterAsync(nameof(IAuthsomeHooks.AfterSignOutAsync), h => h.AfterSignOutAsync(signedIn.Session, cancellationToken));
        }

        SessionCookies.Delete(context);
        return PageRenderer.SeeOther(context, pages.BasePath(context) + "/sign-in?signed_out=1");
    }
}
