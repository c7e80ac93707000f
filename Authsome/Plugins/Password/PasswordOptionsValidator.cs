using Microsoft.Extensions.Options;

namespace Authsome.Passwords;

/// <summary>Refuses password settings below the security floor, naming the configuration key at fault.</summary>
internal sealed class PasswordOptionsValidator : IValidateOptions<AuthsomePasswordOptions>
{
    // Geralt takes the memory cost in bytes as an int.
    private const int MaxMemoryKiB = int.MaxValue / 1024;

    // Longer than a client's usual timeout would turn a refusal into a hung request.
    private static readonly TimeSpan MaxRefusalDelay = TimeSpan.FromSeconds(10);

    public ValidateOptionsResult Validate(string? name, AuthsomePasswordOptions options)
    {
        const string Section = AuthsomePasswordOptions.SectionName;
        var failures = new List<string>();

        if (options.MinLength < PasswordPolicy.LowestMinLength)
        {
            failures.Add($"{Section}:MinLength must be at least {PasswordPolicy.LowestMinLength} (NIST SP 800-63B); it is {options.MinLength}.");
        }

        if (options.MaxLength < PasswordPolicy.LowestMaxLength)
        {
            failures.Add($"{Section}:MaxLength must be at least {PasswordPolicy.LowestMaxLength} so that passphrases fit; it is {options.MaxLength}.");
        }
        else if (options.MaxLength < options.MinLength)
        {
            failures.Add($"{Section}:MaxLength ({options.MaxLength}) must not be less than {Section}:MinLength ({options.MinLength}).");
        }

        if (options.Argon2 is null)
        {
            failures.Add($"{Section}:Argon2 must not be null.");
        }
        else
        {
            if (options.Argon2.MemoryKiB < Argon2idPasswordHasher.MinMemoryKiB)
            {
                failures.Add($"{Section}:Argon2:MemoryKiB must be at least {Argon2idPasswordHasher.MinMemoryKiB} (19 MiB, the OWASP minimum); it is {options.Argon2.MemoryKiB}.");
            }
            else if (options.Argon2.MemoryKiB > MaxMemoryKiB)
            {
                failures.Add($"{Section}:Argon2:MemoryKiB must be at most {MaxMemoryKiB}; it is {options.Argon2.MemoryKiB}.");
            }

            if (options.Argon2.Iterations < Argon2idPasswordHasher.MinIterations)
            {
                failures.Add($"{Section}:Argon2:Iterations must be at least {Argon2idPasswordHasher.MinIterations} (the OWASP minimum at 19 MiB); it is {options.Argon2.Iterations}.");
            }
        }

        if (options.MaxConcurrentHashes is < 1)
        {
            failures.Add($"{Section}:MaxConcurrentHashes must be at least 1 when set; it is {options.MaxConcurrentHashes}.");
        }

        if (options.MaxQueuedHashes < 0)
        {
            failures.Add($"{Section}:MaxQueuedHashes must not be negative; it is {options.MaxQueuedHashes}.");
        }

        if (options.QueueTimeout <= TimeSpan.Zero || options.QueueTimeout.TotalMilliseconds > int.MaxValue)
        {
            failures.Add($"{Section}:QueueTimeout must be positive and under 24 days; it is {options.QueueTimeout}.");
        }

        if (options.RefusalDelay < TimeSpan.Zero || options.RefusalDelay > MaxRefusalDelay)
        {
            failures.Add($"{Section}:RefusalDelay must be between 0 and {MaxRefusalDelay.TotalSeconds:0} seconds; it is {options.RefusalDelay}.");
        }

        if (options.MaxDelayedRefusals < 0)
        {
            failures.Add($"{Section}:MaxDelayedRefusals must not be negative; it is {options.MaxDelayedRefusals}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
