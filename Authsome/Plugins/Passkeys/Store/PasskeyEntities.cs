using Authsome.Store;

namespace Authsome.Plugins.Passkeys.Store;

/// <summary>
/// A WebAuthn credential registered by a user: its id and COSE public key (public data: the private key never leaves
/// the authenticator), the last signature counter seen, and a name the user chose.
/// </summary>
public sealed record Passkey : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "apsk";

    public required Id<Passkey> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required Id<User> UserId { get; init; }

    /// <summary>The credential id the authenticator chose (unique across the store).</summary>
    public required byte[] CredentialId { get; init; }

    /// <summary>The credential's public key, COSE-encoded.</summary>
    public required byte[] PublicKey { get; init; }

    /// <summary>The user handle the credential was created for (the authenticator returns it on discoverable sign-in).</summary>
    public required byte[] UserHandle { get; init; }

    /// <summary>The last signature counter; an assertion must show a larger one unless the authenticator keeps none (0).</summary>
    public long SignCount { get; init; }

    public required string Name { get; init; }

    /// <summary>How the client can reach the authenticator (<c>internal</c>, <c>usb</c>, <c>hybrid</c>, ...).</summary>
    public IReadOnlyList<string> Transports { get; init; } = [];

    /// <summary>The authenticator model's AAGUID (all zeros under attestation <c>none</c>).</summary>
    public Guid AaGuid { get; init; }

    /// <summary>Whether the credential can be synced to other devices, and whether it is.</summary>
    public bool BackupEligible { get; init; }
    public bool BackedUp { get; init; }

    public DateTimeOffset? LastUsedAt { get; init => field = value is { } v ? StoreTime.Normalize(v) : null; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}

/// <summary>What a WebAuthn challenge was issued for.</summary>
public enum PasskeyCeremony
{
    /// <summary>Registering a new passkey for a signed-in user.</summary>
    Registration,

    /// <summary>Signing in with a passkey.</summary>
    SignIn,
}

/// <summary>
/// An issued WebAuthn challenge with the options it was sent in: found by the challenge's hash when the client answers,
/// taken out when used (single use), dead after <see cref="ExpiresAt"/>.
/// </summary>
public sealed record PasskeyChallenge : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "apch";

    public required Id<PasskeyChallenge> Id { get; init; }
    public required Id<App> AppId { get; init; }

    /// <summary>The user registering, or the user named at sign-in; null for a discoverable sign-in.</summary>
    public Id<User>? UserId { get; init; }

    public required PasskeyCeremony Ceremony { get; init; }

    /// <summary>The SHA-256 of the challenge (base64url), by which the answer finds it.</summary>
    public required SecretHash ChallengeHash { get; init; }

    /// <summary>The options sent to the client, as JSON (the verification compares the answer with them).</summary>
    public required string OptionsJson { get; init; }

    public required DateTimeOffset ExpiresAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
}
