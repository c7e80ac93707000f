namespace Authsome;

/// <summary>
/// A change to a user's profile: a null member leaves the field as it is, an empty string clears it. Values are
/// checked and normalised as on <c>PATCH /me</c>.
/// </summary>
public sealed record UserUpdate
{
    /// <summary>The display name.</summary>
    public string? Name { get; init; }

    /// <summary>The first name.</summary>
    public string? FirstName { get; init; }

    /// <summary>The last name.</summary>
    public string? LastName { get; init; }

    /// <summary>The username (unique in the app; a taken one fails with <c>username_taken</c>).</summary>
    public string? Username { get; init; }

    /// <summary>The picture's absolute http(s) URL.</summary>
    public string? Image { get; init; }

    /// <summary>True marks the email address verified (e.g. a magic link proved it); null leaves it as it is.</summary>
    public bool? EmailVerified { get; init; }
}
