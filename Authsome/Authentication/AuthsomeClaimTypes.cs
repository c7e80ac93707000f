namespace Authsome.Authentication;

/// <summary>The claims the Authsome scheme puts on the principal.</summary>
public static class AuthsomeClaimTypes
{
    /// <summary>The user's id (also issued as <see cref="System.Security.Claims.ClaimTypes.NameIdentifier"/>).</summary>
    public const string UserId = "sub";

    /// <summary>The session's id.</summary>
    public const string SessionId = "sid";

    /// <summary>The app's id.</summary>
    public const string AppId = "app_id";

    /// <summary>The environment's id.</summary>
    public const string EnvironmentId = "env_id";

    /// <summary>The user's email (also issued as <see cref="System.Security.Claims.ClaimTypes.Email"/>).</summary>
    public const string Email = "email";

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public const string EmailVerified = "email_verified";
}
