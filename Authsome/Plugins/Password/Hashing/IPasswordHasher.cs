namespace Authsome.Passwords;

/// <summary>The outcome of checking a password against a stored hash.</summary>
public enum PasswordVerificationResult
{
    /// <summary>The password does not match (or the hash is unreadable).</summary>
    Failed,

    /// <summary>The password matches and the hash is current.</summary>
    Success,

    /// <summary>
    /// The password matches, but the hash uses other Argon2id parameters than configured (weaker ones, or stronger
    /// ones after the configuration was lowered) or an imported algorithm (ASP.NET Core Identity PBKDF2, bcrypt):
    /// the caller should store <see cref="IPasswordHasher.HashAsync"/> of the password now.
    /// </summary>
    SuccessRehashNeeded,
}

/// <summary>
/// Hashes and verifies passwords. New hashes are Argon2id in PHC string format. Hashing is CPU and memory
/// heavy, so implementations bound how many run at once; a call that cannot get a slot in time throws
/// <see cref="PasswordHashingBusyException"/> rather than queueing without bound.
/// </summary>
public interface IPasswordHasher
{
    /// <summary>A new hash of the password, in PHC string format.</summary>
    ValueTask<string> HashAsync(string password, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a password against a stored hash (Argon2id, or an imported PBKDF2/bcrypt hash). An unknown or
    /// malformed hash gives <see cref="PasswordVerificationResult.Failed"/>, never an exception.
    /// </summary>
    ValueTask<PasswordVerificationResult> VerifyAsync(string password, string hash, CancellationToken cancellationToken);

    /// <summary>
    /// Spends the same time as verifying a password against a current hash, and returns nothing. Called when there
    /// is no account to check, so that response time does not reveal whether an account exists.
    /// </summary>
    ValueTask SimulateVerifyAsync(string password, CancellationToken cancellationToken);
}

/// <summary>Too many password hashes are being computed at once; the request should be answered with 503 and Retry-After.</summary>
public sealed class PasswordHashingBusyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PasswordHashingBusyException()
        : base("Too many password operations are in progress; try again shortly.")
    {
    }
}
