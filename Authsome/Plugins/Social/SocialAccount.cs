using Authsome.Store;

namespace Authsome.Plugins.Social;

/// <summary>
/// A user's account at an identity provider, linked to their Authsome user: the provider's stable subject, unique per
/// app and provider. The provider's tokens are kept only when configured, and then only encrypted.
/// </summary>
public sealed record SocialAccount : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "asoc";

    public required Id<SocialAccount> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required Id<User> UserId { get; init; }

    /// <summary>The provider's configured name, e.g. <c>google</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The user's id at the provider (<c>sub</c>, or GitHub's numeric id).</summary>
    public required string Subject { get; init; }

    /// <summary>The email the provider gave when the account was linked, if any.</summary>
    public string? Email { get; init; }

    /// <summary>The provider's access token, encrypted by Data Protection; null unless <c>Authsome:Social:KeepProviderTokens</c>.</summary>
    public string? ProtectedAccessToken { get; init; }

    /// <summary>The provider's refresh token, encrypted by Data Protection; null unless kept.</summary>
    public string? ProtectedRefreshToken { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
