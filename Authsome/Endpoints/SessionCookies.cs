using Authsome.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Authsome.Endpoints;

/// <summary>
/// The optional session cookie (<c>Authsome:Sessions:IssueCookie</c>): HttpOnly, Secure (but see <see cref="For"/>),
/// SameSite=Lax, living as long as the access token.
/// </summary>
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
    public static void Write(HttpContext context, IssuedSession issued)
    {
        var (name, secure) = For(context, Settings(context).CookieName);
        context.Response.Cookies.Append(name, issued.AccessToken, new CookieOptions
        {
            HttpOnly = true,
            Secure = secure,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Expires = issued.Session.ExpiresAt,
            IsEssential = true,
        });
    }

    /// <summary>Removes the cookie whatever <c>IssueCookie</c> says.</summary>
    public static void Delete(HttpContext context)
    {
        var (name, secure) = For(context, Settings(context).CookieName);
        context.Response.Cookies.Delete(name, new CookieOptions { HttpOnly = true, Secure = secure, SameSite = SameSiteMode.Lax, Path = "/" });
    }

    /// <summary>
    /// The cookie's name and Secure flag for this request. A <c>__Host-</c> or <c>__Secure-</c> cookie must be Secure, which
    /// browsers refuse (or never send back) over plain http; so in Development over http (the README's <c>dotnet run</c> on
    /// http://localhost) the cookie goes without its prefix and without Secure. Everywhere else it is as configured, and
    /// Secure: a proxy that ends TLS without forwarding the scheme does not weaken it.
    /// </summary>
    public static (string Name, bool Secure) For(HttpContext context, string configured)
    {
        if (context.Request.IsHttps || !context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return (configured, true);
        }

        foreach (var prefix in (ReadOnlySpan<string>)["__Host-", "__Secure-"])
        {
            if (configured.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return (configured[prefix.Length..], false);
            }
        }

        return (configured, false);
    }

    private static SessionSettings Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptionsMonitor<AuthsomeOptions>>().CurrentValue.Sessions;
}
