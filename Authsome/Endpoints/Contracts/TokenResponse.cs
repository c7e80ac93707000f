namespace Authsome.Endpoints.Contracts;

/// <summary>The answer to a refresh: new tokens (the old ones no longer work).</summary>
public sealed record TokenResponse
{
    public required string SessionToken { get; init; }
    public required string RefreshToken { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required DateTimeOffset RefreshTokenExpiresAt { get; init; }
}
