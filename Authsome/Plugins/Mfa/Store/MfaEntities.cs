using Authsome.Store;

namespace Authsome.Plugins.Mfa.Store;

/// <summary>
/// A user's TOTP authenticator: its secret sealed by the server's data-protection keys (never stored in the clear),
/// whether it was confirmed with a first code, and the last time step a code was accepted for (a code is good once).
/// One per user.
/// </summary>
public sealed record TotpFactor : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "amfa";

    public required Id<TotpFactor> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required Id<User> UserId { get; init; }

    /// <summary>The base32 secret, encrypted and authenticated by the MFA plugin's protector.</summary>
    public required string ProtectedSecret { get; init; }

    /// <summary>When a first code confirmed the enrollment; null while pending (MFA is not on yet).</summary>
    public DateTimeOffset? ConfirmedAt { get; init => field = value is { } v ? StoreTime.Normalize(v) : null; }

    /// <summary>The last RFC 6238 time step a code was accepted for; codes of this step or earlier are refused.</summary>
    public long? LastUsedStep { get; init; }

    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}

/// <summary>One recovery code of a user: only its SHA-256 is stored; using it marks it used.</summary>
public sealed record RecoveryCode : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "amrc";

    public required Id<RecoveryCode> Id { get; init; }
    public required Id<User> UserId { get; init; }
    public required SecretHash CodeHash { get; init; }
    public DateTimeOffset? UsedAt { get; init => field = value is { } v ? StoreTime.Normalize(v) : null; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
}

/// <summary>What an MFA ticket allows.</summary>
public enum MfaTicketPurpose
{
    /// <summary>Answering the second-factor challenge of a sign-in.</summary>
    Challenge,

    /// <summary>Only enrolling TOTP, for a user whose app requires MFA and who has none yet.</summary>
    Enrollment,
}

/// <summary>
/// The short-lived proof that a user passed the first factor of a sign-in: single-use, with a bounded number of
/// tries. Only the ticket's SHA-256 is stored.
/// </summary>
public sealed record MfaTicket : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "amtk";

    public required Id<MfaTicket> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required Id<User> UserId { get; init; }
    public required SecretHash TokenHash { get; init; }
    public required MfaTicketPurpose Purpose { get; init; }

    /// <summary>How the first factor was passed (e.g. <c>password</c>).</summary>
    public required string Method { get; init; }

    /// <summary>Failed tries so far.</summary>
    public int Attempts { get; init; }

    public required DateTimeOffset ExpiresAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
}
