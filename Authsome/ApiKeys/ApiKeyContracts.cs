using System.Collections.Immutable;
using Authsome.Json;
using Authsome.Store;
using Microsoft.AspNetCore.Http;

namespace Authsome.ApiKeys;

/// <summary>POST /keys.</summary>
public sealed record CreateApiKeyRequest
{
    public string? Name { get; init; }
    public IReadOnlyList<string>? Scopes { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Binds the body.</summary>
    public static ValueTask<CreateApiKeyRequest> BindAsync(HttpContext context) => RequestBody.ReadAsync<CreateApiKeyRequest>(context);
}

/// <summary>An API key as listed: never the secret or its hash.</summary>
public record ApiKeyResponse
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>The visible start of the key, e.g. <c>sk_live_AbC12345</c>.</summary>
    public required string Prefix { get; init; }
    public required ImmutableArray<string> Scopes { get; init; }
    public string? UserId { get; init; }
    public string? ServiceAccountId { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public required bool Revoked { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    internal static ApiKeyResponse From(ApiKey key) => new()
    {
        Id = key.Id.ToString(),
        Name = key.Name,
        Prefix = key.KeyPrefix,
        Scopes = key.Scopes,
        UserId = key.UserId?.ToString(),
        ServiceAccountId = key.ServiceAccountId?.ToString(),
        ExpiresAt = key.ExpiresAt,
        LastUsedAt = key.LastUsedAt,
        Revoked = key.Revoked,
        CreatedAt = key.CreatedAt,
    };
}

/// <summary>A key just made or rolled: the only answer that ever holds its secret.</summary>
public sealed record IssuedApiKeyResponse : ApiKeyResponse
{
    /// <summary>The full key (<c>sk_live_...</c>); store it now, it is not shown again.</summary>
    public required string Secret { get; init; }

    internal static IssuedApiKeyResponse From(IssuedApiKey issued)
    {
        var listed = ApiKeyResponse.From(issued.Key);
        return new IssuedApiKeyResponse
        {
            Id = listed.Id,
            Name = listed.Name,
            Prefix = listed.Prefix,
            Scopes = listed.Scopes,
            UserId = listed.UserId,
            ServiceAccountId = listed.ServiceAccountId,
            ExpiresAt = listed.ExpiresAt,
            LastUsedAt = listed.LastUsedAt,
            Revoked = listed.Revoked,
            CreatedAt = listed.CreatedAt,
            Secret = issued.Secret,
        };
    }
}
