using Authsome.Passwords;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Bench.Hashing;

/// <summary>
/// The hashing limit measured beside a scenario: one round of every core verifying at once through the engine's own
/// hasher (as <see cref="HashCost"/> does, nothing else running), taken right before a scenario's measured run and
/// again right after it. On a shared host the same cores hash a fifth more or less from one few-second window to the
/// next, so a limit taken minutes away, or the best of several rounds, is not the limit the scenario ran against.
/// </summary>
internal sealed class HashingProbe(ServiceProvider provider, IPasswordHasher hasher, string password, string hash, int iterations, int cores)
    : IAsyncDisposable
{
    /// <summary>A probe whose rounds run <paramref name="iterations"/> verifications on each of <paramref name="cores"/> at once.</summary>
    public static async Task<HashingProbe> CreateAsync(IConfiguration configuration, string password, int iterations, int cores, CancellationToken cancellationToken)
    {
        var services = HashCost.Hasher(configuration);
        var engineHasher = services.GetRequiredService<IPasswordHasher>();
        return new HashingProbe(services, engineHasher, password, await engineHasher.HashAsync(password, cancellationToken), iterations, cores);
    }

    /// <summary>Verifications per second in one round (the round's mean rate, not the best of several).</summary>
    public Task<double> MeasureAsync(CancellationToken cancellationToken) =>
        HashCost.ParallelRoundAsync(hasher, password, hash, iterations, cores, cancellationToken);

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
