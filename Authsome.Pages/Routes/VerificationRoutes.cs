using Authsome.Accounts;
using Authsome.Errors;
using Authsome.Pages.Components;
using Authsome.RateLimiting;
using Authsome.Verification;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>
/// Email verification by the mailed link or by the code. Opening the link only shows a button: the token is spent by
/// the POST, so a mail scanner that fetches links does not verify (or burn) anything.
/// </summary>
internal static class VerificationRoutes
{
    private const string Title = "Verify your email";

    public static void MapVerificationPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/verify-email", Show);
        pages.MapPost("/verify-email", VerifyAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.Verification);
    }

    private static Task<IResult> Show(HttpContext context, PageRenderer pages, string? token) =>
        pages.RenderAsync<VerifyEmail>(context, Title, new() { [nameof(VerifyEmail.Token)] = string.IsNullOrEmpty(token) ? null : token });

    private static async Task<IResult> VerifyAsync(HttpContext context, PageRenderer pages, VerificationService verification)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        string? token = form["token"];
        string? email = form["email"];
        try
        {
            if (!string.IsNullOrEmpty(token))
            {
                await verification.VerifyTokenAsync(token, context.RequestAborted);
            }
            else
            {
                await verification.VerifyCodeAsync(InputRules.Email(email), InputRules.Required(form["code"], "code").Trim(), context.RequestAborted);
            }

            return await pages.RenderAsync<Notice>(context, "Email verified", new()
            {
                [nameof(Notice.Message)] = "Your email address is verified. You can sign in now.",
                [nameof(Notice.LinkHref)] = pages.BasePath(context) + "/sign-in",
                [nameof(Notice.LinkText)] = "Sign in",
            });
        }
        catch (AuthsomeException ex)
        {
            return await pages.RenderAsync<VerifyEmail>(context, Title, new()
            {
                [nameof(VerifyEmail.Errors)] = FormErrors.From(ex),
                [nameof(VerifyEmail.Email)] = email,
            }, ex.Error.Status);
        }
    }
}
