namespace Authsome.Plugins.Password;

/// <summary>A password sign-up. Values are checked and normalised (a bad one fails with <c>validation_failed</c>, <c>email_invalid</c> or <c>weak_password</c>).</summary>
/// <param name="Email">The email address.</param>
/// <param name="Password">The password (checked against the password policy).</param>
public sealed record PasswordSignUp(string Email, string Password)
{
    /// <summary>The display name, if any.</summary>
    public string? Name { get; init; }

    /// <summary>The username, if any (unique in the app).</summary>
    public string? Username { get; init; }

    /// <summary>
    /// Values of the app's extra sign-up fields by key (its <c>signup</c> form config): each is checked against the
    /// field's rules (a bad one fails with <c>validation_failed</c> naming <c>fields.KEY</c>) and kept in the user's metadata.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Fields { get; init; }
}
