namespace Authsome;

/// <summary>Password reset settings (<c>Authsome:PasswordReset</c>).</summary>
public sealed class PasswordResetSettings
{
    /// <summary>How long a reset link works. Default 30 minutes.</summary>
    public TimeSpan TokenTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The link mailed to users, with <c>{token}</c> where the token goes. Null: the mail gives the token as text.</summary>
    public string? LinkTemplate { get; set; }
}
