using Authsome.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Authsome.Endpoints;

/// <summary>The optional session cookie (<c>Authsome:Sessions:IssueCookie</c>): HttpOnly, Secure, SameSite=Lax, living as long as the access token.</summary>
internal static class SessionCookies
{
    public static void Issue(HttpContext context, IssuedSession issued)
    {
        var settings = Settings(context);
        if (settings.IssueCookie)
        {
            context.Response.Cookies.Append(settings.CookieName, issued.AccessToken, new CookieOptions
            {
                HttpOnly = true,
                Secure = true,
                SameSite = SameSiteMode.Lax,
                Path = "/",
                Expires = issued.Session.ExpiresAt,
                IsEssential = true,
            });
        }
    }

    public static void Clear(HttpContext context)
    {
        var settings = Settings(context);
        if (settings.IssueCookie)
        {
            context.Response.Cookies.Delete(settings.CookieName, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, Path = "/" });
        }
    }

    private static SessionSettings Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptionsMonitor<AuthsomeOptions>>().CurrentValue.Sessions;
}
