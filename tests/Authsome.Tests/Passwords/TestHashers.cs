using System.Diagnostics.Metrics;
using Authsome.Passwords;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Authsome.Tests.Passwords;

/// <summary>Hashers at the OWASP floor (m = 19 MiB, t = 2), the cheapest the options accept, to keep tests fast.</summary>
internal static class TestHashers
{
    public static AuthsomePasswordOptions FloorOptions(int iterations = Argon2idPasswordHasher.MinIterations) => new()
    {
        Argon2 = { MemoryKiB = Argon2idPasswordHasher.MinMemoryKiB, Iterations = iterations },
        MaxConcurrentHashes = 2,
        MaxQueuedHashes = 100,
        QueueTimeout = TimeSpan.FromMinutes(1),
    };

    public static Argon2idPasswordHasher Create(
        AuthsomePasswordOptions? options = null, PasswordHashingGate? gate = null, IMeterFactory? meterFactory = null)
    {
        var wrapped = Options.Create(options ?? FloorOptions());
        return new Argon2idPasswordHasher(
            wrapped,
            gate ?? new PasswordHashingGate(wrapped),
            new PasswordHashingMetrics(meterFactory ?? new TestMeterFactory()),
            NullLogger<Argon2idPasswordHasher>.Instance);
    }
}
