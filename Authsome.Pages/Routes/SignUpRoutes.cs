using Authsome.Endpoints;
using Authsome.Forms;
using Authsome.Pages.Components;
using Authsome.Pages.Security;
using Authsome.Plugins.Password;
using Authsome.RateLimiting;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>The sign-up page, with the app's extra fields from its sign-up form config.</summary>
internal static class SignUpRoutes
{
    private const string Title = "Create your account";

    public static void MapSignUpPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/sign-up", ShowAsync);
        pages.MapPost("/sign-up", SignUpAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.SignUp);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, PageRenderer pages, ReturnUrls returns, IAuthsomeEngine engine, IAuthsomeStore store, string? return_url) =>
        await pages.RenderAsync<SignUp>(context, Title, new()
        {
            [nameof(SignUp.Fields)] = await FieldsAsync(engine, store, context.RequestAborted),
            [nameof(SignUp.ReturnUrl)] = returns.Allowed(return_url),
        });

    private static async Task<IResult> SignUpAsync(HttpContext context, PageRenderer pages, ReturnUrls returns, IAuthsomeEngine engine, IAuthsomeStore store, IPasswordAuthentication passwords)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        var fields = await FieldsAsync(engine, store, context.RequestAborted);
        var extra = fields.ToDictionary(f => f.Key, f => (string?)form[SignUpFormFields.Name(f.Key)], StringComparer.Ordinal);
        var returnUrl = returns.Allowed(form["return_url"]);
        var request = new PasswordSignUp(form["email"].ToString(), form["password"].ToString()) { Name = form["name"], Fields = extra };
        var result = await passwords.SignUpAsync(request, context.Client(), context.RequestAborted);
        if (!result.Succeeded)
        {
            var typed = new Dictionary<string, string?>
            {
                ["email"] = form["email"],
                ["name"] = form["name"],
            };
            foreach (var (key, value) in extra)
            {
                typed[SignUpFormFields.Name(key)] = value;
            }

            return await pages.RenderAsync<SignUp>(context, Title, new()
            {
                [nameof(SignUp.Fields)] = fields,
                [nameof(SignUp.Values)] = typed,
                [nameof(SignUp.Errors)] = FormErrors.From(result.Failure),
                [nameof(SignUp.ReturnUrl)] = returnUrl,
            }, result.Failure.Error.Status);
        }

        if (result.Value.Session is { } issued)
        {
            SessionCookies.Write(context, issued);
            return PageRenderer.SeeOther(context, returns.OrAccount(returnUrl));
        }

        // The same answer whether the address was free or taken: the mail says which.
        return await pages.RenderAsync<Notice>(context, "Check your email", new()
        {
            [nameof(Notice.Message)] = "We sent a mail to the address you gave. Open its link to verify the address, then sign in.",
            [nameof(Notice.LinkHref)] = pages.BasePath(context) + "/verify-email",
            [nameof(Notice.LinkText)] = "I have a code",
        });
    }

    private static async Task<IReadOnlyList<FormField>> FieldsAsync(IAuthsomeEngine engine, IAuthsomeStore store, CancellationToken cancellationToken)
    {
        var app = await engine.GetAppAsync(cancellationToken);
        return SignUpFormFields.Visible(await store.FormConfigs.GetAsync(app.AppId, SignUpFormFields.FormType, cancellationToken));
    }
}
