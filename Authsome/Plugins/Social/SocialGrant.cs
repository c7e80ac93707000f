using Authsome.Store;

namespace Authsome.Plugins.Social;

/// <summary>What a one-time social grant stands for.</summary>
public enum SocialGrantKind
{
    /// <summary>The <c>state</c> of an authorization request on its way to the provider.</summary>
    State,

    /// <summary>The code handed to the client's <c>redirect_uri</c>, exchanged once for the session's tokens.</summary>
    ExchangeCode,
}

/// <summary>A single-use, short-lived secret of the social flow, stored only as the hash of its token.</summary>
public sealed record SocialGrant : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "asgr";

    public required Id<SocialGrant> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required SocialGrantKind Kind { get; init; }
    public required SecretHash TokenHash { get; init; }
    public required string Provider { get; init; }

    /// <summary>The client's allow-listed <c>redirect_uri</c>.</summary>
    public required string RedirectUri { get; init; }

    /// <summary>For a state: the signed-in user who asked to link (null for sign-in). For a code: the user to sign in.</summary>
    public Id<User>? UserId { get; init; }
    public required DateTimeOffset ExpiresAt { get; init => field = StoreTime.Normalize(value); }
    public DateTimeOffset? ConsumedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
}
