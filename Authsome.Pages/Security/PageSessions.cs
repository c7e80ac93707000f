using Authsome.Authentication;
using Authsome.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Authsome.Pages.Security;

/// <summary>The session of a page request, read from the session cookie through the Authsome scheme.</summary>
internal sealed class PageSessions
{
    public async Task<AuthenticatedSession?> GetAsync(HttpContext context)
    {
        if (context.GetAuthsomeSession() is { } known)
        {
            return known;
        }

        var result = await context.AuthenticateAsync(AuthsomeAuthenticationDefaults.AuthenticationScheme);
        return result.Succeeded ? context.GetAuthsomeSession() : null;
    }
}
