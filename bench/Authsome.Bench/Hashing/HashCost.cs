using System.Diagnostics;
using Authsome.Passwords;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Authsome.Bench.Hashing;

/// <summary>What one password check costs at the API's configured Argon2id parameters, measured through the engine's own hasher.</summary>
/// <param name="PerVerify">Median time of one verification, single-threaded.</param>
/// <param name="ParallelPerSecond">Verifications per second with every core verifying at once and nothing else running.</param>
/// <param name="Iterations">Verifications timed (single-threaded; as many again per core in parallel).</param>
/// <param name="MemoryKiB">Argon2id memory cost.</param>
/// <param name="TimeCost">Argon2id passes.</param>
internal sealed record HashCost(TimeSpan PerVerify, double ParallelPerSecond, int Iterations, int MemoryKiB, int TimeCost)
{
    /// <summary>
    /// Verifications per second the machine can do at most: every core hashing, nothing else, as measured. Not cores /
    /// <see cref="PerVerify"/>: cores that share a physical core or the memory bus (each verification streams its
    /// 19 MiB twice) do not each hash as fast as one alone.
    /// </summary>
    public double LimitPerSecond => ParallelPerSecond;

    /// <summary>What the cores would verify if each hashed as fast as one alone: the limit before it was measured in parallel.</summary>
    public double SerialLimitPerSecond(int cores) => cores / PerVerify.TotalSeconds;

    /// <summary>A hash of <paramref name="password"/> by the engine's hasher built from <paramref name="configuration"/>, for seeding.</summary>
    public static async Task<string> HashAsync(IConfiguration configuration, string password, CancellationToken cancellationToken)
    {
        await using var provider = Hasher(configuration);
        return await provider.GetRequiredService<IPasswordHasher>().HashAsync(password, cancellationToken);
    }

    /// <summary>
    /// Times <paramref name="iterations"/> sequential <see cref="IPasswordHasher.VerifyAsync"/> calls (what sign-in
    /// does once per request) after two unmeasured ones, then three rounds of as many on each of <paramref name="cores"/>
    /// at once, with the hasher built from <paramref name="configuration"/>.
    /// </summary>
    public static async Task<HashCost> MeasureAsync(IConfiguration configuration, string password, int iterations, int cores, CancellationToken cancellationToken)
    {
        await using var provider = Hasher(configuration);
        var hasher = provider.GetRequiredService<IPasswordHasher>();
        var argon2 = provider.GetRequiredService<IOptions<AuthsomePasswordOptions>>().Value.Argon2;

        var hash = await hasher.HashAsync(password, cancellationToken);
        for (var i = 0; i < 2; i++)
        {
            await VerifyAsync(hasher, password, hash, cancellationToken);
        }

        // The median verification, not the mean: a burst of other work on the machine (a checkpoint, a neighbour)
        // would otherwise move the limit.
        var times = new TimeSpan[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await VerifyAsync(hasher, password, hash, cancellationToken);
            times[i] = Stopwatch.GetElapsedTime(started);
        }

        Array.Sort(times);

        // The same verifications on every core at once, through the hasher (its gate admits one per core by default);
        // the best of three rounds, for the same reason.
        var parallelPerSecond = 0.0;
        for (var round = 0; round < 3; round++)
        {
            parallelPerSecond = Math.Max(parallelPerSecond, await ParallelRoundAsync(hasher, password, hash, iterations, cores, cancellationToken));
        }

        return new HashCost(times[iterations / 2], parallelPerSecond, iterations, argon2.MemoryKiB, argon2.Iterations);
    }

    /// <summary>Verifications per second with <paramref name="cores"/> tasks each verifying <paramref name="iterations"/> times at once.</summary>
    internal static async Task<double> ParallelRoundAsync(
        IPasswordHasher hasher, string password, string hash, int iterations, int cores, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, cores).Select(_ => Task.Run(
            async () =>
            {
                for (var i = 0; i < iterations; i++)
                {
                    await VerifyAsync(hasher, password, hash, cancellationToken);
                }
            },
            cancellationToken)));
        return cores * iterations / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    internal static ServiceProvider Hasher(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddAuthsomePasswords();
        return services.BuildServiceProvider();
    }

    private static async Task VerifyAsync(IPasswordHasher hasher, string password, string hash, CancellationToken cancellationToken)
    {
        if (await hasher.VerifyAsync(password, hash, cancellationToken) != PasswordVerificationResult.Success)
        {
            throw new BenchException("The engine's hasher did not verify the password it had just hashed.");
        }
    }
}
