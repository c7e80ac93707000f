using System.Collections.Immutable;

namespace Authsome.Store;

/// <summary>
/// A person who can sign in to an app. Email and username are kept lower-case (they compare
/// case-insensitively); <see cref="DisplayUsername"/> keeps the spelling the user chose.
/// Users are soft-deleted: a deleted user keeps its row with <see cref="DeletedAt"/> set, and its email
/// and username become free again.
/// </summary>
public sealed record User : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "ausr";

    public required Id<User> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required Id<AppEnvironment> EnvId { get; init; }

    /// <summary>The email, lower-cased on assignment.</summary>
    public required string Email { get; init => field = value.ToLowerInvariant(); }
    public bool EmailVerified { get; init; }
    public string? Name { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Image { get; init; }

    /// <summary>The username, lower-cased on assignment.</summary>
    public string? Username { get; init => field = value?.ToLowerInvariant(); }
    public string? DisplayUsername { get; init; }
    public string? Phone { get; init; }
    public bool PhoneVerified { get; init; }

    /// <summary>The password hash in PHC string format (never serialised to clients).</summary>
    public string? PasswordHash { get; init; }
    public DateTimeOffset? PasswordChangedAt { get; init => field = StoreTime.Normalize(value); }
    public bool Banned { get; init; }
    public string? BanReason { get; init; }
    public DateTimeOffset? BanExpires { get; init => field = StoreTime.Normalize(value); }
    public ImmutableDictionary<string, string> Metadata { get; init; } = ImmutableDictionary<string, string>.Empty;
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
    public DateTimeOffset? DeletedAt { get; init => field = StoreTime.Normalize(value); }
}
