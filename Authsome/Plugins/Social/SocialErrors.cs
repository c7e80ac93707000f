using Authsome.Errors;
using Microsoft.AspNetCore.Http;

namespace Authsome.Plugins.Social;

/// <summary>
/// The social plugin's problem codes (answered as problem details), and the <c>error</c> values it sends to the client's
/// <c>redirect_uri</c> once the flow's state has been checked. Both are part of the API: never rename one.
/// </summary>
public static class SocialErrors
{
    /// <summary>No provider of this name is configured, or the app does not offer it.</summary>
    public static readonly AuthsomeError ProviderUnknown = new("social_provider_unknown", StatusCodes.Status404NotFound, "Unknown sign-in provider");

    /// <summary>The provider's discovery document could not be fetched to start the flow.</summary>
    public static readonly AuthsomeError ProviderUnavailable = new("social_provider_unavailable", StatusCodes.Status502BadGateway, "Sign-in provider unavailable");

    /// <summary>The callback's state is missing, not this browser's, already used or expired.</summary>
    public static readonly AuthsomeError StateInvalid = new("social_state_invalid", StatusCodes.Status400BadRequest, "Invalid or expired sign-in attempt");

    /// <summary>The provider account is already linked to another user.</summary>
    public static readonly AuthsomeError AccountInUse = new("social_account_in_use", StatusCodes.Status409Conflict, "Account linked to another user");

    /// <summary>Unlinking would leave the user no way to sign in.</summary>
    public static readonly AuthsomeError LastSignInMethod = new("last_sign_in_method", StatusCodes.Status409Conflict, "Last way to sign in");

    /// <summary>Redirect errors: the provider refused or failed (the user cancelled, a bad client secret).</summary>
    public const string ProviderError = "provider_error";

    /// <summary>Redirect errors: the provider's answer did not validate (signature, issuer, audience, expiry, nonce).</summary>
    public const string IdentityInvalid = "identity_invalid";

    /// <summary>Redirect errors: the provider gave no email, or an unverified one, where one is needed (sign-up, or an account with that email exists: sign in and link instead).</summary>
    public const string EmailUnverified = "email_unverified";

    /// <summary>Redirect errors: the user is new and the app does not allow sign-up.</summary>
    public const string SignUpDisabled = "signup_disabled";

    /// <summary>Redirect errors: linking found the provider account linked to another user.</summary>
    public const string AccountLinkedElsewhere = "account_in_use";
}

/// <summary>A failure after the state was checked: the client's <c>redirect_uri</c> gets <see cref="Error"/>.</summary>
internal sealed class SocialFlowException(string error, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Error { get; } = error;
}
