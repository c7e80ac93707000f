namespace Authsome.Passwords;

/// <summary>
/// Password hashing and policy settings, bound from the <c>Authsome:Password</c> configuration section and
/// validated at start-up.
/// </summary>
public sealed class AuthsomePasswordOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Authsome:Password";

    /// <summary>The section these settings had before they joined the plugin's: still read, under <see cref="SectionName"/>.</summary>
    internal const string LegacySectionName = "Authsome:Passwords";

    /// <summary>The fewest characters (Unicode code points) a new password may have. Default 8; never below 8.</summary>
    public int MinLength { get; set; } = PasswordPolicy.LowestMinLength;

    /// <summary>The most characters (Unicode code points) a new password may have. Default 128; never below 128.</summary>
    public int MaxLength { get; set; } = PasswordPolicy.LowestMaxLength;

    /// <summary>Argon2id cost parameters for new hashes (<c>Authsome:Password:Argon2</c>).</summary>
    public Argon2idOptions Argon2 { get; set; } = new();

    /// <summary>
    /// How many hashes may be computed at once. Default: <see cref="Environment.ProcessorCount"/>. Each Argon2id
    /// hash holds <see cref="Argon2idOptions.MemoryKiB"/> of memory while it runs, so this also bounds that memory.
    /// </summary>
    public int? MaxConcurrentHashes { get; set; }

    /// <summary>
    /// How many more hash operations may wait for a free slot before new ones are refused at once. Default: sixteen
    /// per concurrent hash (<see cref="EffectiveMaxConcurrentHashes"/>), i.e. a wait of about sixteen hashes' time at
    /// most (half a second at the OWASP floor on a fast core), enough for a few dozen people signing in at once. A
    /// sign-in or sign-up request counts from when it arrives (before its body is read) until it answers. Of those,
    /// twice <see cref="EffectiveMaxConcurrentHashes"/> work at a time and the rest wait for a turn (within
    /// <see cref="QueueTimeout"/>), so a storm holds a few database connections, not one per queued request.
    /// </summary>
    public int? MaxQueuedHashes { get; set; }

    /// <summary>How long a hash operation waits for a free slot, or an admitted request for its turn, before it is refused. Default 5 seconds.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a sign-in or sign-up refused by a full gate waits before its 503 is sent. Default 1 second; zero
    /// answers at once. A client that retries at once (most scripts, load tools and naive SDKs) would otherwise turn
    /// every refusal into another request, and answering thousands of them a second takes the CPU the admitted
    /// hashes need; a held refusal costs a timer, no CPU. At most <see cref="MaxDelayedRefusals"/> are held at once.
    /// </summary>
    public TimeSpan RefusalDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many refusals may wait out <see cref="RefusalDelay"/> at once; past that, they are answered at once, so
    /// that a flood of connections cannot hold unbounded memory. Default 1,024.
    /// </summary>
    public int MaxDelayedRefusals { get; set; } = 1024;

    /// <summary>The effective concurrency bound: <see cref="MaxConcurrentHashes"/> or the processor count.</summary>
    internal int EffectiveMaxConcurrentHashes => MaxConcurrentHashes ?? Environment.ProcessorCount;

    /// <summary>The effective queue bound: <see cref="MaxQueuedHashes"/> or sixteen per concurrent hash.</summary>
    internal int EffectiveMaxQueuedHashes => MaxQueuedHashes ?? 16 * EffectiveMaxConcurrentHashes;
}

/// <summary>
/// Argon2id cost parameters. The parallelism is always 1 (libsodium's <c>crypto_pwhash</c> fixes it). The floor is
/// OWASP's minimum recommendation: m = 19 MiB (19456 KiB), t = 2, p = 1.
/// </summary>
public sealed class Argon2idOptions
{
    /// <summary>Memory cost in KiB (<c>Authsome:Password:Argon2:MemoryKiB</c>). Default and minimum 19456 (19 MiB).</summary>
    public int MemoryKiB { get; set; } = Argon2idPasswordHasher.MinMemoryKiB;

    /// <summary>Time cost, in passes over the memory (<c>Authsome:Password:Argon2:Iterations</c>). Default and minimum 2.</summary>
    public int Iterations { get; set; } = Argon2idPasswordHasher.MinIterations;
}
