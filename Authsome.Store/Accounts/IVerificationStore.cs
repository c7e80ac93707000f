namespace Authsome.Store;

/// <summary>Email, phone and magic-link verifications.</summary>
public interface IVerificationStore
{
    /// <summary>Stores a new verification. Throws <see cref="StoreConflictException"/> (Duplicate) when the id or token hash is taken.</summary>
    ValueTask CreateAsync(Verification verification, CancellationToken cancellationToken);

    /// <summary>The verification with this id, consumed or not, or null.</summary>
    ValueTask<Verification?> GetAsync(Id<Verification> id, CancellationToken cancellationToken);

    /// <summary>The verification whose token hashes to this, consumed or not, or null.</summary>
    ValueTask<Verification?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken);

    /// <summary>The newest unconsumed verification of this type for the user that has not expired at <paramref name="now"/>, or null.</summary>
    ValueTask<Verification?> GetActiveAsync(Id<User> userId, VerificationType type, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Atomically adds one to the wrong-code count and returns the new count (0 when absent).</summary>
    ValueTask<int> IncrementAttemptsAsync(Id<Verification> id, CancellationToken cancellationToken);

    /// <summary>
    /// Consumes the verification (sets <see cref="Verification.ConsumedAt"/> to <paramref name="now"/>) if it is unconsumed and
    /// not expired at <paramref name="now"/>. Exactly one
    /// of any number of concurrent calls returns true.
    /// </summary>
    ValueTask<bool> ConsumeAsync(Id<Verification> id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Consumes, at <paramref name="now"/>, every outstanding (unconsumed and unexpired) verification of this type for the
    /// user (a new one was sent, or the address changed); returns how many.
    /// </summary>
    ValueTask<int> ConsumeAllAsync(Id<User> userId, VerificationType type, DateTimeOffset now, CancellationToken cancellationToken);
}
