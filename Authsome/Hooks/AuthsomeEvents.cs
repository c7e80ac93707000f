using Authsome.Endpoints.Contracts;
using Authsome.Store;

namespace Authsome.Hooks;

/// <summary>The engine's own event types, and their payloads (the user as clients see it, never a hash).</summary>
public static class AuthsomeEvents
{
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string UserDeleted = "user.deleted";
    public const string UserSignedIn = "user.signed_in";
    public const string SessionRevoked = "session.revoked";
    public const string PasswordChanged = "password.changed";

    /// <summary>Every type the engine itself raises; plugins and features add their own (org.created, member.added, ...).</summary>
    public static IReadOnlyList<string> Core { get; } = [UserCreated, UserUpdated, UserDeleted, UserSignedIn, SessionRevoked, PasswordChanged];

    internal static AuthsomeEvent OfUser(string type, User user) => new(type, user.AppId, UserResponse.From(user));

    internal static AuthsomeEvent SignedIn(User user, Session session) =>
        new(UserSignedIn, user.AppId, new { user = UserResponse.From(user), session_id = session.Id.ToString(), ip_address = session.IpAddress });

    internal static AuthsomeEvent SessionsRevoked(Id<App> appId, Id<User> userId, string reason) =>
        new(SessionRevoked, appId, new { user_id = userId.ToString(), reason });

    /// <summary>A password was changed by its user (<c>change</c>) or through a reset link (<c>reset</c>).</summary>
    internal static AuthsomeEvent PasswordChangedBy(User user, string how) =>
        new(PasswordChanged, user.AppId, new { user_id = user.Id.ToString(), how });
}
