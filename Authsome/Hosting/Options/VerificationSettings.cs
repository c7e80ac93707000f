namespace Authsome;

/// <summary>Email verification settings (<c>Authsome:Verification</c>).</summary>
public sealed class VerificationSettings
{
    /// <summary>How long a verification link and code work. Default 24 hours.</summary>
    public TimeSpan TokenTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Wrong codes accepted before the verification is burnt and a new one must be requested. Default 5.</summary>
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>
    /// The server-side key codes are hashed under (HMAC-SHA-256), base64 of at least 32 random bytes. Null: one is
    /// generated and kept in the store's settings (set it in production, so a database leak does not reveal codes).
    /// </summary>
    public string? CodeKey { get; set; }

    /// <summary>
    /// The link mailed to users, with <c>{token}</c> where the token goes (e.g. <c>https://app.example.com/verify?token={token}</c>).
    /// Null: the mail gives the token and the code as text.
    /// </summary>
    public string? LinkTemplate { get; set; }
}
