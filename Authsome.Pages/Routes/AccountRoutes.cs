using Authsome.ApiKeys;
using Authsome.Devices;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Forms;
using Authsome.Pages.Components;
using Authsome.Pages.Security;
using Authsome.Plugins.Mfa;
using Authsome.Plugins.Passkeys;
using Authsome.Plugins.Social;
using Authsome.Sessions;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Pages.Routes;

/// <summary>
/// The account page: profile (with the sign-up form's answers), sessions, devices and API keys, and what the plugins add
/// (MFA, passkeys, linked accounts). Every change is a POST with anti-forgery that calls the engine's own service, then
/// comes back to the page (or shows it again with the error).
/// </summary>
internal static class AccountRoutes
{
    public static void MapAccountPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/account", ShowAsync);
        pages.MapPost("/account/sessions/{id}/revoke", RevokeAsync);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, PageRenderer pages, PageSessions current) =>
        await current.GetAsync(context) is { } signedIn ? await RenderAsync(context, pages, signedIn) : SignInFirst(context, pages, "account");

    /// <summary>The account page of <paramref name="signedIn"/>, with each section whose plugin is added.</summary>
    public static async Task<IResult> RenderAsync(HttpContext context, PageRenderer pages, AuthenticatedSession signedIn, FormErrors? errors = null,
        int status = StatusCodes.Status200OK)
    {
        var services = context.RequestServices;
        var engine = services.GetRequiredService<IAuthsomeEngine>();
        var store = services.GetRequiredService<IAuthsomeStore>();
        var cancellationToken = context.RequestAborted;
        var user = signedIn.User;
        var app = await engine.GetAppAsync(cancellationToken);
        var config = await store.FormConfigs.GetAsync(app.AppId, SignUpFormFields.FormType, cancellationToken);
        var passkeys = services.GetService<PasskeyService>();
        var social = services.GetService<SocialService>();
        var view = new AccountView
        {
            User = user,
            CurrentSessionId = signedIn.Session.Id,
            CurrentDeviceId = signedIn.Session.DeviceId,
            Fields = SignUpFormFields.Visible(config),
            Sessions = await engine.ListSessionsAsync(user.Id, cancellationToken),
            Devices = await services.GetRequiredService<DeviceService>().ListAsync(user.Id, cancellationToken),
            ApiKeys = await services.GetRequiredService<ApiKeyService>().ListAsync(ApiKeyOwner.Of(user.Id), cancellationToken),
            Mfa = services.GetService<MfaService>() is { } mfa ? await mfa.StatusAsync(user, cancellationToken) : null,
            Passkeys = passkeys is null ? null : await passkeys.ListAsync(user, cancellationToken),
            PasskeyOptionsUrl = passkeys is null ? null : EngineRoute(context, "passkeys/register/options"),
            LinkedAccounts = social is null ? null : await social.ListAsync(user.Id, cancellationToken),
            ProviderNames = social is null ? new Dictionary<string, string>()
                : (await social.OfferedProvidersAsync(cancellationToken)).ToDictionary(p => p.Name, p => p.DisplayName, StringComparer.Ordinal),
        };
        return await pages.RenderAsync<Account>(context, "Your account", new()
        {
            [nameof(Account.View)] = view,
            [nameof(Account.Errors)] = errors,
        }, status);
    }

    /// <summary>
    /// A change on the account page: after the anti-forgery check and for the signed-in user, <paramref name="change"/>
    /// runs, then the browser goes back to the page (303); an engine refusal shows the page again with its message.
    /// </summary>
    public static Task<IResult> ChangeAsync(HttpContext context, PageRenderer pages, PageSessions current,
        Func<IFormCollection, AuthenticatedSession, Task> change, Func<FormErrors, FormErrors>? fieldNames = null) =>
        SignedInFormAsync(context, pages, current, "account", async (form, signedIn) =>
        {
            try
            {
                await change(form, signedIn);
                return PageRenderer.SeeOther(context, pages.BasePath(context) + "/account");
            }
            catch (AuthsomeException ex)
            {
                var errors = FormErrors.From(ex);
                return await RenderAsync(context, pages, signedIn, fieldNames?.Invoke(errors) ?? errors, ex.Error.Status);
            }
        });

    private static Task<IResult> RevokeAsync(string id, HttpContext context, PageRenderer pages, PageSessions current, SessionService sessions, IAuthsomeStore store) =>
        ChangeAsync(context, pages, current, async (_, signedIn) =>
        {
            // Someone else's session is left alone, silently, like one that does not exist.
            if (Id<Session>.TryParse(id, out var sessionId) && await store.Sessions.GetAsync(sessionId, context.RequestAborted) is { } target
                && target.UserId == signedIn.User.Id && target.Id != signedIn.Session.Id)
            {
                await sessions.EndAsync(target, "revoked", context.RequestAborted);
            }
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

    /// <summary>The local path of one of the engine's JSON routes, e.g. <c>/v1/auth/passkeys/signin/options</c>.</summary>
    public static string EngineRoute(HttpContext context, string route) => new Uri(context.EngineBaseUrl() + "/" + route).AbsolutePath;
}
