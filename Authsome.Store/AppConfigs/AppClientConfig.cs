using System.Collections.Immutable;

namespace Authsome.Store;

/// <summary>Which sign-in methods an app offers; a null field means "use the engine's setting". One per app.</summary>
public sealed record AppClientConfig : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "aacf";

    public required Id<AppClientConfig> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public bool? SignUpEnabled { get; init; }
    public bool? PasswordEnabled { get; init; }
    public bool? PasskeyEnabled { get; init; }
    public bool? MagicLinkEnabled { get; init; }
    public bool? MfaEnabled { get; init; }
    public bool? MfaRequired { get; init; }
    public bool? SsoEnabled { get; init; }
    public ImmutableArray<string> SocialProviders { get; init; } = [];
    public bool? RequireEmailVerification { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
