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
        if (Settings(context).IssueCookie)
        {
            Write(context, issued);
        }
    }

    public static void Clear(HttpContext context)
    {
        if (Settings(context).IssueCookie)
        {
            Delete(context);
        }
    }

    /// <summary>Sets the cookie whatever <c>IssueCookie</c> says (the hosted pages always sign in with it).</summary>
    public static void Write(HttpContext context, IssuedSession issued) =>
        context.Response.Cookies.Append(Settings(context).CookieName, issued.AccessToken, new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Expires = issued.Session.ExpiresAt,
            IsEssential = true,
        });

    /// <summary>Removes the cookie whatever <c>IssueCookie</c> says.</summary>
    public static void Delete(HttpContext context) =>
        context.Response.Cookies.Delete(Settings(context).CookieName, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, Path = "/" });

    private static SessionSettings Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptionsMonitor<AuthsomeOptions>>().CurrentValue.Sessions;
}
