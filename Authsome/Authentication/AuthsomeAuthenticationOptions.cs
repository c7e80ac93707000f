using Microsoft.AspNetCore.Authentication;

namespace Authsome.Authentication;

/// <summary>Options of the Authsome authentication scheme.</summary>
public sealed class AuthsomeAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Accept <c>Authorization: Bearer &lt;session token&gt;</c>. Default true.</summary>
    public bool AcceptBearer { get; set; } = true;

    /// <summary>Accept the session token from the cookie. Default true.</summary>
    public bool AcceptCookie { get; set; } = true;

    /// <summary>The cookie to read; null (the default) uses <c>Authsome:Sessions:CookieName</c>.</summary>
    public string? CookieName { get; set; }
}
