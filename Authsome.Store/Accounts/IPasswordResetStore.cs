namespace Authsome.Store;

/// <summary>Password reset tokens.</summary>
public interface IPasswordResetStore
{
    /// <summary>Stores a new reset. Throws <see cref="StoreConflictException"/> (Duplicate) when the id or token hash is taken.</summary>
    ValueTask CreateAsync(PasswordReset reset, CancellationToken cancellationToken);

    /// <summary>The reset whose token hashes to this, consumed or not, or null.</summary>
    ValueTask<PasswordReset?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Consumes the reset (sets <see cref="PasswordReset.ConsumedAt"/> to <paramref name="now"/>) if it is unconsumed and not
    /// expired at <paramref name="now"/>; exactly one of any number of concurrent calls returns true.
    /// </summary>
    ValueTask<bool> ConsumeAsync(Id<PasswordReset> id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Consumes, at <paramref name="now"/>, every outstanding (unconsumed and unexpired) reset of the user; returns how many.</summary>
    ValueTask<int> ConsumeAllAsync(Id<User> userId, DateTimeOffset now, CancellationToken cancellationToken);
}
