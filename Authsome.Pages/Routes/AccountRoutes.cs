using Authsome.Forms;
using Authsome.Pages.Components;
using Authsome.Pages.Security;
using Authsome.Plugins.Mfa;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Pages.Routes;

/// <summary>The account page: profile (with the sign-up form's answers), sessions, and what the plugins add (MFA).</summary>
internal static class AccountRoutes
{
    public static void MapAccountPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/account", ShowAsync);
        pages.MapPost("/account/sessions/{id}/revoke", RevokeAsync);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, PageRenderer pages, PageSessions current, IAuthsomeEngine engine, IAuthsomeStore store)
    {
        if (await current.GetAsync(context) is not { } signedIn)
        {
            return SignInFirst(context, pages, "account");
        }

        var app = await engine.GetAppAsync(context.RequestAborted);
        var config = await store.FormConfigs.GetAsync(app.AppId, SignUpFormFields.FormType, context.RequestAborted);
        return await pages.RenderAsync<Account>(context, "Your account", new()
        {
            [nameof(Account.User)] = signedIn.User,
            [nameof(Account.Fields)] = SignUpFormFields.Visible(config),
            [nameof(Account.Sessions)] = await engine.ListSessionsAsync(signedIn.User.Id, context.RequestAborted),
            [nameof(Account.CurrentSessionId)] = signedIn.Session.Id,
            [nameof(Account.Mfa)] = context.RequestServices.GetService<MfaService>() is { } mfa ? await mfa.StatusAsync(signedIn.User, context.RequestAborted) : null,
        });
    }

    private static Task<IResult> RevokeAsync(string id, HttpContext context, PageRenderer pages, PageSessions current, SessionService sessions, IAuthsomeStore store) =>
        SignedInFormAsync(context, pages, current, "account", async (_, signedIn) =>
        {
            // Someone else's session is left alone, silently, like one that does not exist.
            if (Id<Session>.TryParse(id, out var sessionId) && await store.Sessions.GetAsync(sessionId, context.RequestAborted) is { } target
                && target.UserId == signedIn.User.Id && target.Id != signedIn.Session.Id)
            {
                await sessions.EndAsync(target, "revoked", context.RequestAborted);
            }

            return PageRenderer.SeeOther(context, pages.BasePath(context) + "/account");
        });

    /// <summary>
    /// A posted form of a signed-in user: refused when it fails its anti-forgery check, sent to sign in first (and back
    /// to <paramref name="page"/>) when no one is signed in, else handled.
    /// </summary>
    public static async Task<IResult> SignedInFormAsync(HttpContext context, PageRenderer pages, PageSessions current, string page,
        Func<IFormCollection, AuthenticatedSession, Task<IResult>> handle)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        return await current.GetAsync(context) is { } signedIn ? await handle(form, signedIn) : SignInFirst(context, pages, page);
    }

    /// <summary>A 303 to the sign-in page, which comes back to <paramref name="page"/> (relative to the pages) afterwards.</summary>
    public static IResult SignInFirst(HttpContext context, PageRenderer pages, string page) =>
        PageRenderer.SeeOther(context, pages.BasePath(context) + "/sign-in?return_url=" + Uri.EscapeDataString(pages.BasePath(context) + "/" + page));
}
