using Authsome.Store;

namespace Authsome.Endpoints.Contracts;

/// <summary>One of the caller's sessions (no token or hash).</summary>
public sealed record SessionResponse
{
    public required string Id { get; init; }
    public string? IpAddress { get; init; }
    public string? UserAgent { get; init; }

    /// <summary>The device it was signed in from (see GET /devices).</summary>
    public string? DeviceId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset LastActivityAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public required DateTimeOffset RefreshTokenExpiresAt { get; init; }

    /// <summary>Whether this is the session making the request.</summary>
    public required bool Current { get; init; }

    internal static SessionResponse From(Session session, Id<Session> current) => new()
    {
        Id = session.Id.ToString(),
        IpAddress = session.IpAddress,
        UserAgent = session.UserAgent,
        DeviceId = session.DeviceId?.ToString(),
        CreatedAt = session.CreatedAt,
        LastActivityAt = session.LastActivityAt,
        ExpiresAt = session.ExpiresAt,
        RefreshTokenExpiresAt = session.RefreshTokenExpiresAt,
        Current = session.Id == current,
    };
}
