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

    /// <summary>The API key's id, on requests authenticated by an API key.</summary>
    public const string ApiKeyId = "api_key_id";

    /// <summary>One scope of the API key (one claim per scope); a key without scopes has none.</summary>
    public const string Scope = "scope";

    /// <summary>The owning service account's id, on requests made with a service account's key.</summary>
    public const string ServiceAccountId = "service_account_id";
}
