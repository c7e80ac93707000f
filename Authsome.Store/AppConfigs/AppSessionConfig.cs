namespace Authsome.Store;

/// <summary>What a session token looks like to clients.</summary>
public enum TokenFormat
{
    Opaque,
    Jwt,
}

/// <summary>An app's overrides of the engine's session settings; a null field means "use the engine's setting". One per app.</summary>
public sealed record AppSessionConfig : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "ascf";

    public required Id<AppSessionConfig> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public TimeSpan? TokenTtl { get; init; }
    public TimeSpan? RefreshTokenTtl { get; init; }
    public int? MaxActiveSessions { get; init; }
    public bool? RotateRefreshToken { get; init; }

    /// <summary>How long a session lives at most from sign-in, however often it is refreshed.</summary>
    public TimeSpan? AbsoluteLifetime { get; init; }

    /// <summary>How long a session survives without use.</summary>
    public TimeSpan? IdleTimeout { get; init; }
    public bool? BindToIp { get; init; }
    public bool? BindToDevice { get; init; }
    public TokenFormat? TokenFormat { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
