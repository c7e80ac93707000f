using Authsome.Sessions;
using Microsoft.AspNetCore.Http;

namespace Authsome.Authentication;

/// <summary>Access to the session the Authsome scheme authenticated for the current request.</summary>
public static class AuthsomeHttpContextExtensions
{
    private static readonly object Key = new();

    /// <summary>The session and user the Authsome scheme accepted for this request, or null when it accepted none.</summary>
    public static AuthenticatedSession? GetAuthsomeSession(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(Key, out var value) ? value as AuthenticatedSession : null;
    }

    internal static void SetAuthsomeSession(this HttpContext context, AuthenticatedSession session) => context.Items[Key] = session;
}
