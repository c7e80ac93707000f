using Authsome.Store;

namespace Authsome.Plugins.MagicLink;

/// <summary>
/// A sign-in link sent to an email address: single-use, short-lived, stored only as the hash of its token. It names
/// the address, not a user, so it also works for someone who has no account yet.
/// </summary>
public sealed record MagicLinkToken : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "amlk";

    public required Id<MagicLinkToken> Id { get; init; }
    public required Id<App> AppId { get; init; }

    /// <summary>The normalised (lower-case) address the link was sent to.</summary>
    public required string Email { get; init; }
    public required SecretHash TokenHash { get; init; }

    /// <summary>Where the client asked to land after sign-in (already checked against the allow-list), if anywhere.</summary>
    public string? RedirectUri { get; init; }
    public required DateTimeOffset ExpiresAt { get; init => field = StoreTime.Normalize(value); }
    public DateTimeOffset? ConsumedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
}
