namespace Authsome;

/// <summary>
/// An account a plugin creates for someone it authenticated itself (a social provider, a magic link), without a
/// password. Values are checked and normalised as sign-up does them.
/// </summary>
/// <param name="Email">The email address (trimmed and lower-cased).</param>
/// <param name="Method">How the account was made, e.g. <c>github</c> or <c>magic_link</c>: passed to the sign-up hooks and metrics.</param>
public sealed record NewUser(string Email, string Method)
{
    /// <summary>The display name, if any.</summary>
    public string? Name { get; init; }

    /// <summary>The username, if any (unique in the app).</summary>
    public string? Username { get; init; }

    /// <summary>The picture's absolute http(s) URL, if any.</summary>
    public string? Image { get; init; }

    /// <summary>Whether the plugin has proven the address belongs to the user (e.g. the provider says it verified it).</summary>
    public bool EmailVerified { get; init; }
}
