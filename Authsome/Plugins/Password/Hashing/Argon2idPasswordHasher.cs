using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Geralt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Authsome.Passwords;

/// <summary>
/// Argon2id password hashing on libsodium (through Geralt). New hashes are libsodium's <c>crypto_pwhash_str</c>
/// output, which is the PHC string format (<c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>). Hashes imported from
/// ASP.NET Core Identity (PBKDF2, v2 and v3) and bcrypt verify too, and always ask for a rehash. Every operation
/// goes through the <see cref="PasswordHashingGate"/>.
/// </summary>
internal sealed class Argon2idPasswordHasher : IPasswordHasher
{
    /// <summary>OWASP's minimum memory cost for Argon2id with t = 2: 19 MiB.</summary>
    public const int MinMemoryKiB = 19 * 1024;

    /// <summary>OWASP's minimum time cost for Argon2id at 19 MiB.</summary>
    public const int MinIterations = 2;

    internal const string Algorithm = "argon2id";
    private const string UnknownAlgorithm = "unknown";
    private const string Prefix = "$argon2id$";

    private readonly int _memoryBytes;
    private readonly int _iterations;
    private readonly PasswordHashingGate _gate;
    private readonly PasswordHashingMetrics _metrics;
    private readonly ILogger _logger;

    // A hash of a random password at the configured cost, so that SimulateVerifyAsync costs what a real check does.
    private readonly Lazy<string> _dummyHash;

    public Argon2idPasswordHasher(
        IOptions<AuthsomePasswordOptions> options,
        PasswordHashingGate gate,
        PasswordHashingMetrics metrics,
        ILogger<Argon2idPasswordHasher> logger)
    {
        var argon2 = options.Value.Argon2;
        _memoryBytes = checked(argon2.MemoryKiB * 1024);
        _iterations = argon2.Iterations;
        _gate = gate;
        _metrics = metrics;
        _logger = logger;
        // PublicationOnly: a failure (say, out of memory) is retried on the next call instead of cached for good.
        _dummyHash = new Lazy<string>(() => ComputeHash(RandomNumberGenerator.GetHexString(32)), LazyThreadSafetyMode.PublicationOnly);
    }

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        return RunAsync(PasswordOperation.Hash, () => (ComputeHash(password), Algorithm), cancellationToken);
    }

    public ValueTask<PasswordVerificationResult> VerifyAsync(string password, string hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        return RunAsync(PasswordOperation.Verify, () => Verify(password, hash ?? string.Empty), cancellationToken);
    }

    public async ValueTask SimulateVerifyAsync(string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        await RunAsync(
            PasswordOperation.SimulateVerify,
            () => (VerifyArgon2id(password, _dummyHash.Value), Algorithm),
            cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<T> RunAsync<T>(
        PasswordOperation operation, Func<(T Result, string Algorithm)> work, CancellationToken cancellationToken)
    {
        try
        {
            return await _gate.RunAsync(
                () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    var (result, algorithm) = work();
                    _metrics.RecordDuration(operation, algorithm, Stopwatch.GetElapsedTime(started));
                    return result;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (PasswordHashingBusyException)
        {
            _metrics.RecordRejected(operation);
            PasswordsLog.HashingBusy(_logger, operation);
            throw;
        }
    }

    private string ComputeHash(string password)
    {
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        Span<char> buffer = stackalloc char[Argon2id.HashSize];
        try
        {
            Argon2id.ComputeHash(buffer, passwordBytes, _iterations, _memoryBytes);
            // libsodium writes a NUL-terminated string into the fixed-size buffer.
            var end = buffer.IndexOf('\0');
            return new string(end < 0 ? buffer : buffer[..end]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    private (PasswordVerificationResult Result, string Algorithm) Verify(string password, string hash)
    {
        if (hash.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return (VerifyArgon2id(password, hash), Algorithm);
        }

        if (BcryptPasswordHash.IsCandidate(hash))
        {
            return Imported(BcryptPasswordHash.Verify(password, hash), BcryptPasswordHash.Algorithm);
        }

        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            var matches = AspNetIdentityPasswordHash.Verify(passwordBytes, hash, out var algorithm);
            return Imported(matches, matches is null ? UnknownAlgorithm : algorithm);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    private PasswordVerificationResult VerifyArgon2id(string password, string hash)
    {
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            if (!Argon2id.VerifyHash(hash, passwordBytes))
            {
                return PasswordVerificationResult.Failed;
            }

            // libsodium asks for a rehash whenever the stored parameters differ from the configured ones.
            return Argon2id.NeedsRehash(hash, _iterations, _memoryBytes)
                ? PasswordVerificationResult.SuccessRehashNeeded
                : PasswordVerificationResult.Success;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            // Geralt refuses hashes of the wrong length or with non-ASCII characters before calling libsodium.
            PasswordsLog.UnreadableHash(_logger, Algorithm);
            return PasswordVerificationResult.Failed;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    // An imported hash that matches is always upgraded to Argon2id; an unreadable one never matches.
    private (PasswordVerificationResult Result, string Algorithm) Imported(bool? matches, string algorithm)
    {
        if (matches is null)
        {
            PasswordsLog.UnreadableHash(_logger, algorithm);
        }

        return (matches is true ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed, algorithm);
    }
}
