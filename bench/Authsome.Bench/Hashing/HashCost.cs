using System.Diagnostics;
using Authsome.Passwords;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Authsome.Bench.Hashing;

/// <summary>What one password check costs at the API's configured Argon2id parameters, measured through the engine's own hasher.</summary>
/// <param name="PasswordHash">A hash of <c>BenchData.Password</c> in PHC form, for the seeded users.</param>
/// <param name="PerVerify">Mean time of one verification, single-threaded.</param>
/// <param name="CpuPerVerify">Mean CPU time of one verification: unlike <paramref name="PerVerify"/>, not inflated by other work on the machine.</param>
/// <param name="Iterations">Verifications timed.</param>
/// <param name="MemoryKiB">Argon2id memory cost.</param>
/// <param name="TimeCost">Argon2id passes.</param>
internal sealed record HashCost(string PasswordHash, TimeSpan PerVerify, TimeSpan CpuPerVerify, int Iterations, int MemoryKiB, int TimeCost)
{
    /// <summary>Verifications per second the machine can do at most: every core hashing, nothing else.</summary>
    public double LimitPerSecond(int cores) => cores / PerVerify.TotalSeconds;

    /// <summary>
    /// Times <paramref name="iterations"/> sequential <see cref="IPasswordHasher.VerifyAsync"/> calls (what sign-in
    /// does once per request) after two unmeasured ones, with the hasher built from <paramref name="configuration"/>.
    /// </summary>
    public static async Task<HashCost> MeasureAsync(IConfiguration configuration, string password, int iterations, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddAuthsomePasswords();
        await using var provider = services.BuildServiceProvider();
        var hasher = provider.GetRequiredService<IPasswordHasher>();
        var argon2 = provider.GetRequiredService<IOptions<AuthsomePasswordOptions>>().Value.Argon2;

        var hash = await hasher.HashAsync(password, cancellationToken);
        for (var i = 0; i < 2; i++)
        {
            await VerifyAsync(hasher, password, hash, cancellationToken);
        }

        // The driver does nothing else meanwhile, so the process's CPU time is the hasher's.
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            await VerifyAsync(hasher, password, hash, cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        return new HashCost(hash, elapsed / iterations, (process.TotalProcessorTime - cpuBefore) / iterations, iterations, argon2.MemoryKiB, argon2.Iterations);
    }

    private static async Task VerifyAsync(IPasswordHasher hasher, string password, string hash, CancellationToken cancellationToken)
    {
        if (await hasher.VerifyAsync(password, hash, cancellationToken) != PasswordVerificationResult.Success)
        {
            throw new BenchException("The engine's hasher did not verify the password it had just hashed.");
        }
    }
}
