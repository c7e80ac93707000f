namespace Authsome;

/// <summary>Sign-in settings (<c>Authsome:SignIn</c>).</summary>
public sealed class SignInSettings
{
    /// <summary>
    /// Whether sign-in requires a verified email. Null (the default) means: required, except when the host runs in the
    /// Development environment. An app's <c>AppClientConfig.RequireEmailVerification</c> overrides it.
    /// </summary>
    public bool? RequireEmailVerification { get; set; }
}
