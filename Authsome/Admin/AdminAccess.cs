using Authsome.Apps;
using Authsome.Endpoints;
using Authsome.Errors;
using Authsome.Store;
using Microsoft.AspNetCore.Http;

namespace Authsome.Admin;

/// <summary>An administrator making a request: platform administrators reach every app, an app's administrators only their own.</summary>
internal sealed record AdminCaller(User User, bool PlatformWide);

/// <summary>
/// Who may use the admin API: users holding <c>platform:admin</c> app-wide. Those of the platform app administer every app;
/// those of another app administer that app alone, and another app's things answer 404 to them, as if absent.
/// </summary>
internal sealed class AdminAccess(IAuthsomeStore store, AppResolver apps, PlatformAdmins admins)
{
    public async ValueTask<AdminCaller> RequireAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var user = context.RequireSession().User;
        if (!await admins.IsAdminAsync(user, cancellationToken))
        {
            throw new AuthsomeException(AuthsomeErrors.Forbidden, "This needs a platform administrator.");
        }

        var platform = await apps.GetDefaultAsync(cancellationToken);
        return new AdminCaller(user, user.AppId == platform.AppId && platform.App.IsPlatform);
    }

    /// <summary>Whether the caller may administer the app.</summary>
    public static bool CanReach(AdminCaller caller, Id<App> appId) => caller.PlatformWide || caller.User.AppId == appId;

    /// <summary>The app with this id, if the caller may administer it; 404 otherwise.</summary>
    public async ValueTask<App> AppAsync(AdminCaller caller, string appId, CancellationToken cancellationToken)
    {
        var app = Id<App>.TryParse(appId, out var id) && CanReach(caller, id) ? await store.Apps.GetAsync(id, cancellationToken) : null;
        return app ?? throw new AuthsomeException(AuthsomeErrors.NotFound, "No such app.");
    }

    /// <summary>The user with this id, if the caller may administer their app; 404 otherwise (deleted users too).</summary>
    public async ValueTask<User> UserAsync(AdminCaller caller, string userId, CancellationToken cancellationToken)
    {
        var user = Id<User>.TryParse(userId, out var id) ? await store.Users.GetAsync(id, cancellationToken) : null;
        return user is not null && CanReach(caller, user.AppId) ? user : throw new AuthsomeException(AuthsomeErrors.NotFound, "No such user.");
    }
}
