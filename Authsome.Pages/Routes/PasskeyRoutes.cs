using System.Text.Json;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Pages.Components;
using Authsome.Pages.Components.AccountSections;
using Authsome.Pages.Security;
using Authsome.Plugins.Passkeys;
using Authsome.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>
/// Passkeys on the pages (the passkey plugin; mapped only when it is added). The script (<c>assets/passkeys.js</c>) asks
/// the engine's JSON routes for the WebAuthn options, lets the browser's authenticator answer, and posts the answer
/// (<c>credential.toJSON()</c>) in an ordinary form with anti-forgery to these routes, which call the plugin's service:
/// sign-in (then the session cookie, like the password form), and, on the account page, add, rename and delete.
/// </summary>
internal static class PasskeyRoutes
{
    public static void MapPasskeyPages(this IEndpointRouteBuilder pages)
    {
        pages.MapPost("/passkey/sign-in", SignInAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.SignIn);
        pages.MapPost("/account/passkeys", RegisterAsync);
        pages.MapPost("/account/passkeys/{id}/rename", (string id, HttpContext context, PageRenderer pages, PageSessions current, PasskeyService passkeys) =>
            AccountRoutes.ChangeAsync(context, pages, current, async (form, signedIn) => await passkeys.RenameAsync(signedIn.User, id, form["name"], context.RequestAborted)));
        pages.MapPost("/account/passkeys/{id}/delete", (string id, HttpContext context, PageRenderer pages, PageSessions current, PasskeyService passkeys) =>
            AccountRoutes.ChangeAsync(context, pages, current, async (_, signedIn) => await passkeys.DeleteAsync(signedIn.User, id, context.RequestAborted)));
    }

    private static async Task<IResult> SignInAsync(HttpContext context, PageRenderer pages, ReturnUrls returns, PasskeyService passkeys)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        var returnUrl = returns.Allowed(form["return_url"]);
        try
        {
            var outcome = await passkeys.SignInAsync(Credential(form), context.Client(), context.RequestAborted);
            SessionCookies.Write(context, outcome.Session!);
            return PageRenderer.SeeOther(context, returns.OrAccount(returnUrl));
        }
        catch (AuthsomeException ex)
        {
            var failure = AuthsomeFailure.From(ex);
            return await MfaRoutes.PendingAsync(context, pages, failure, returnUrl)
                ?? await SignInRoutes.RenderAsync(context, pages, new()
                {
                    [nameof(SignIn.Errors)] = FormErrors.From(failure),
                    [nameof(SignIn.ReturnUrl)] = returnUrl,
                }, ex.Error.Status);
        }
    }

    private static Task<IResult> RegisterAsync(HttpContext context, PageRenderer pages, PageSessions current, PasskeyService passkeys) =>
        AccountRoutes.ChangeAsync(context, pages, current,
            async (form, signedIn) => await passkeys.RegisterAsync(signedIn.User, Credential(form), form[PasskeysSection.NameField], context.RequestAborted),
            errors => errors.WithField("name", PasskeysSection.NameField));

    // The script's credential.toJSON(); anything that is not JSON is no credential, which the plugin answers as missing.
    private static JsonElement? Credential(IFormCollection form)
    {
        try
        {
            using var json = JsonDocument.Parse(form["credential"].ToString());
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
