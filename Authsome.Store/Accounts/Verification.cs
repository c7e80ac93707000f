namespace Authsome.Store;

/// <summary>What a verification proves.</summary>
public enum VerificationType
{
    Email,
    Phone,
    MagicLink,
}

/// <summary>
/// A single-use, short-lived proof of control of an email or phone: a random token (sent as a link) and,
/// optionally, a short code (typed by the user). Both are stored only as hashes.
/// </summary>
public sealed record Verification : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "avrf";

    public required Id<Verification> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required Id<User> UserId { get; init; }
    public required VerificationType Type { get; init; }

    /// <summary>The address being verified (an email or phone), kept so a change of address cannot be verified with an old link.</summary>
    public string? Target { get; init; }
    public required SecretHash TokenHash { get; init; }
    public SecretHash? CodeHash { get; init; }

    /// <summary>Wrong codes tried; the engine stops accepting codes past its limit.</summary>
    public int Attempts { get; init; }
    public required DateTimeOffset ExpiresAt { get; init => field = StoreTime.Normalize(value); }
    public DateTimeOffset? ConsumedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
}
