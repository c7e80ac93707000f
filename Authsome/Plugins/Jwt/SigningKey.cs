using Authsome.Store;

namespace Authsome.Plugins.Jwt;

/// <summary>
/// A key that signs an app's JWT access tokens. Its life: published in the JWKS from creation, signs from
/// <see cref="ActivatesAt"/> until <see cref="RetiresAt"/>, and stays published until <see cref="ExpiresAt"/> so that
/// tokens it signed still validate. The private key is stored only encrypted (ASP.NET Core Data Protection).
/// </summary>
public sealed record SigningKey : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "asgk";

    /// <summary>The key's id; also its <c>kid</c>.</summary>
    public required Id<SigningKey> Id { get; init; }
    public required Id<App> AppId { get; init; }

    /// <summary>The JWS algorithm, e.g. <c>ES256</c>.</summary>
    public required string Algorithm { get; init; }

    /// <summary>The public key as a JWK (JSON), as published.</summary>
    public required string PublicJwk { get; init; }

    /// <summary>The private key (PKCS#8), encrypted by Data Protection, base64.</summary>
    public required string ProtectedPrivateKey { get; init; }
    public required DateTimeOffset ActivatesAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset RetiresAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset ExpiresAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
}
