using System.Collections.Immutable;

namespace Authsome.Store;

/// <summary>
/// An endpoint that receives signed event deliveries. <see cref="Secret"/> is the HMAC signing key: it has to
/// be usable to sign, so it is stored as given (unlike bearer tokens) and never returned by the API after creation.
/// </summary>
public sealed record Webhook : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "awhk";

    public required Id<Webhook> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public Id<AppEnvironment>? EnvId { get; init; }
    public required string Url { get; init; }
    public ImmutableArray<string> Events { get; init; } = [];
    public required string Secret { get; init; }
    public bool Active { get; init; } = true;

    /// <summary>The administrator who made the webhook: told when it is disabled for failing.</summary>
    public Id<User>? CreatedBy { get; init; }

    /// <summary>Since when every delivery attempt to this endpoint has failed; null while it answers.</summary>
    public DateTimeOffset? FailingSince { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
