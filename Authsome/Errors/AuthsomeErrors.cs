using Microsoft.AspNetCore.Http;

namespace Authsome.Errors;

/// <summary>Every error code the engine answers with. The codes are part of the API: never rename one.</summary>
public static class AuthsomeErrors
{
    /// <summary>Unknown account or wrong password: deliberately the same answer for both.</summary>
    public static readonly AuthsomeError InvalidCredentials = new("invalid_credentials", StatusCodes.Status401Unauthorized, "Invalid credentials");

    /// <summary>The current password given to change-password is wrong.</summary>
    public static readonly AuthsomeError CurrentPasswordInvalid = new("current_password_invalid", StatusCodes.Status400BadRequest, "The current password is wrong");

    /// <summary>The account has no password and its session did not sign in within the last five minutes: sign in again first.</summary>
    public static readonly AuthsomeError ReauthenticationRequired = new("reauthentication_required", StatusCodes.Status403Forbidden, "Sign in again first");

    /// <summary>A cookie-authenticated change came from another site (by <c>Origin</c> or <c>Sec-Fetch-Site</c>).</summary>
    public static readonly AuthsomeError CrossSiteRequest = new("cross_site_request", StatusCodes.Status403Forbidden, "Cross-site request refused");

    /// <summary>The password was right but the email address is not verified yet.</summary>
    public static readonly AuthsomeError EmailNotVerified = new("email_not_verified", StatusCodes.Status403Forbidden, "Email address not verified");

    /// <summary>Too many sign-in attempts from this client on this account (or on the account from many clients); see Retry-After. Unknown accounts answer it too.</summary>
    public static readonly AuthsomeError AccountLocked = new("account_locked", StatusCodes.Status423Locked, "Account temporarily locked");

    /// <summary>The account is banned.</summary>
    public static readonly AuthsomeError AccountBanned = new("account_banned", StatusCodes.Status403Forbidden, "Account banned");

    /// <summary>The new password breaks the password policy; <c>problems</c> lists why.</summary>
    public static readonly AuthsomeError WeakPassword = new("weak_password", StatusCodes.Status400BadRequest, "Password does not meet the policy");

    /// <summary>The new password was used recently by this account.</summary>
    public static readonly AuthsomeError PasswordReused = new("password_reused", StatusCodes.Status400BadRequest, "Password was used recently");

    /// <summary>The email address is not one we accept.</summary>
    public static readonly AuthsomeError EmailInvalid = new("email_invalid", StatusCodes.Status400BadRequest, "Invalid email address");

    /// <summary>
    /// Another account already uses the email address. Only <c>IAuthsomeEngine.CreateUserAsync</c> answers it (to the
    /// plugin calling it); password sign-up never does, so that it is no enumeration oracle.
    /// </summary>
    public static readonly AuthsomeError EmailTaken = new("email_taken", StatusCodes.Status409Conflict, "Email address taken");

    /// <summary>Another account already uses the username (usernames are public, so this is not an enumeration leak).</summary>
    public static readonly AuthsomeError UsernameTaken = new("username_taken", StatusCodes.Status409Conflict, "Username taken");

    /// <summary>One or more fields are missing or invalid; <c>errors</c> maps field names to messages.</summary>
    public static readonly AuthsomeError ValidationFailed = new("validation_failed", StatusCodes.Status400BadRequest, "Validation failed");

    /// <summary>The body is not JSON, or not JSON of the expected shape.</summary>
    public static readonly AuthsomeError MalformedBody = new("malformed_body", StatusCodes.Status400BadRequest, "Malformed request body");

    /// <summary>The body is larger than the engine accepts.</summary>
    public static readonly AuthsomeError BodyTooLarge = new("body_too_large", StatusCodes.Status413PayloadTooLarge, "Request body too large");

    /// <summary>The body is not <c>application/json</c>.</summary>
    public static readonly AuthsomeError UnsupportedMediaType = new("unsupported_media_type", StatusCodes.Status415UnsupportedMediaType, "Unsupported media type");

    /// <summary>Too many requests from this client for this route; see Retry-After.</summary>
    public static readonly AuthsomeError RateLimited = new("rate_limited", StatusCodes.Status429TooManyRequests, "Too many requests");

    /// <summary>No valid session token was presented.</summary>
    public static readonly AuthsomeError Unauthenticated = new("unauthenticated", StatusCodes.Status401Unauthorized, "Authentication required");

    /// <summary>The caller is authenticated but may not do this.</summary>
    public static readonly AuthsomeError Forbidden = new("forbidden", StatusCodes.Status403Forbidden, "Forbidden");

    /// <summary>A refresh token is unknown or expired.</summary>
    public static readonly AuthsomeError TokenInvalid = new("token_invalid", StatusCodes.Status401Unauthorized, "Invalid or expired token");

    /// <summary>A verification or reset token (or code) is unknown, used, expired or wrong.</summary>
    public static readonly AuthsomeError VerificationInvalid = new("verification_invalid", StatusCodes.Status400BadRequest, "Invalid or expired verification");

    /// <summary>A refresh token that was already rotated out was presented again: the whole session family is revoked.</summary>
    public static readonly AuthsomeError TokenReused = new("token_reused", StatusCodes.Status401Unauthorized, "Refresh token reuse detected");

    /// <summary>A plugin's before-hook refused the operation; <c>detail</c> carries its reason.</summary>
    public static readonly AuthsomeError Refused = new("request_refused", StatusCodes.Status403Forbidden, "Request refused");

    /// <summary>Sign-up is disabled for this app.</summary>
    public static readonly AuthsomeError SignUpDisabled = new("signup_disabled", StatusCodes.Status403Forbidden, "Sign-up disabled");

    /// <summary>The <c>X-Publishable-Key</c> header names no app.</summary>
    public static readonly AuthsomeError PublishableKeyInvalid = new("publishable_key_invalid", StatusCodes.Status400BadRequest, "Unknown publishable key");

    /// <summary>The resource does not exist (or is not the caller's).</summary>
    public static readonly AuthsomeError NotFound = new("not_found", StatusCodes.Status404NotFound, "Not found");

    /// <summary>The route exists but not for this HTTP method.</summary>
    public static readonly AuthsomeError MethodNotAllowed = new("method_not_allowed", StatusCodes.Status405MethodNotAllowed, "Method not allowed");

    /// <summary>Password hashing is saturated; retry after the Retry-After delay.</summary>
    public static readonly AuthsomeError ServiceBusy = new("service_busy", StatusCodes.Status503ServiceUnavailable, "Service busy");

    /// <summary>The database did not answer.</summary>
    public static readonly AuthsomeError StoreUnavailable = new("store_unavailable", StatusCodes.Status503ServiceUnavailable, "Service unavailable");

    /// <summary>Anything unexpected: no detail is ever given (it is in the server's log, correlated by trace id).</summary>
    public static readonly AuthsomeError Internal = new("internal_error", StatusCodes.Status500InternalServerError, "Internal error");
}
