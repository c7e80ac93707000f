using Authsome.Pages.Components;
using Authsome.Plugins.Password;
using Authsome.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Authsome.Pages.Routes;

/// <summary>Forgot and reset password.</summary>
internal static class PasswordRoutes
{
    public static void MapPasswordPages(this IEndpointRouteBuilder pages)
    {
        pages.MapGet("/forgot-password", (HttpContext context, PageRenderer renderer) => renderer.RenderAsync<ForgotPassword>(context, "Forgot your password?"));
        pages.MapPost("/forgot-password", ForgotAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.PasswordReset);
        pages.MapGet("/reset-password", (HttpContext context, PageRenderer renderer, string? token) =>
            renderer.RenderAsync<ResetPassword>(context, "Choose a new password", new() { [nameof(ResetPassword.Token)] = token }));
        pages.MapPost("/reset-password", ResetAsync).RequireRateLimiting(AuthsomeRateLimitPolicies.PasswordReset);
    }

    private static async Task<IResult> ForgotAsync(HttpContext context, PageRenderer pages, IPasswordAuthentication passwords)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        string? email = form["email"];
        var result = await passwords.RequestPasswordResetAsync(email ?? string.Empty, context.RequestAborted);
        if (!result.Succeeded)
        {
            return await pages.RenderAsync<ForgotPassword>(context, "Forgot your password?", new()
            {
                [nameof(ForgotPassword.Errors)] = FormErrors.From(result.Failure),
                [nameof(ForgotPassword.Email)] = email,
            }, result.Failure.Error.Status);
        }

        // Said whether or not an account uses the address.
        return await pages.RenderAsync<Notice>(context, "Check your email", new()
        {
            [nameof(Notice.Message)] = "If an account uses this address, a link to choose a new password is on its way.",
            [nameof(Notice.LinkHref)] = pages.BasePath(context) + "/sign-in",
            [nameof(Notice.LinkText)] = "Back to sign-in",
        });
    }

    private static async Task<IResult> ResetAsync(HttpContext context, PageRenderer pages, IPasswordAuthentication passwords)
    {
        if (await pages.ReadFormAsync(context) is not { } form)
        {
            return await pages.RefusedAsync(context);
        }

        string? token = form["token"];
        var result = await passwords.ResetPasswordAsync(token ?? string.Empty, form["new_password"].ToString(), context.RequestAborted);
        if (!result.Succeeded)
        {
            return await pages.RenderAsync<ResetPassword>(context, "Choose a new password", new()
            {
                [nameof(ResetPassword.Errors)] = FormErrors.From(result.Failure),
                [nameof(ResetPassword.Token)] = token,
            }, result.Failure.Error.Status);
        }

        return await pages.RenderAsync<Notice>(context, "Password changed", new()
        {
            [nameof(Notice.Message)] = "Your password was changed and every session was signed out. Sign in with the new password.",
            [nameof(Notice.LinkHref)] = pages.BasePath(context) + "/sign-in",
            [nameof(Notice.LinkText)] = "Sign in",
        });
    }
}
