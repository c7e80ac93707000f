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
internal sealed class HashingProbe : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IPasswordHasher _hasher;
    private readonly string _password;
    private readonly string _hash;
    private readonly int _iterations;
    private readonly int _cores;

    private HashingProbe(ServiceProvider provider, IPasswordHasher hasher, string password, string hash, int iterations, int cores)
    {
        _provider = provider;
        _hasher = hasher;
        _password = password;
        _hash = hash;
        _iterations = iterations;
        _cores = cores;
    }

    /// <summary>A probe whose rounds run <paramref name="iterations"/> verifications on each of <paramref name="cores"/> at once.</summary>
    public static async Task<HashingProbe> CreateAsync(IConfiguration configuration, string password, int iterations, int cores, CancellationToken cancellationToken)
    {
        var provider = HashCost.Hasher(configuration);
        var hasher = provider.GetRequiredService<IPasswordHasher>();
        return new HashingProbe(provider, hasher, password, await hasher.HashAsync(password, cancellationToken), iterations, cores);
    }

    /// <summary>Verifications per second in one round (the round's mean rate, not the best of several).</summary>
    public Task<double> MeasureAsync(CancellationToken cancellationToken) =>
        HashCost.ParallelRoundAsync(_hasher, _password, _hash, _iterations, _cores, cancellationToken);

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
