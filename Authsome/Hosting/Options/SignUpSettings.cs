namespace Authsome;

/// <summary>Sign-up settings (<c>Authsome:SignUp</c>).</summary>
public sealed class SignUpSettings
{
    /// <summary>Whether new accounts may sign up. An app's <c>AppClientConfig.SignUpEnabled</c> overrides it. Default true.</summary>
    public bool Enabled { get; set; } = true;
}
