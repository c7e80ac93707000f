using Authsome.Passwords;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Authsome.Tests.Passwords;

public sealed class PasswordOptionsTests
{
    [Fact]
    public void DefaultsAreTheOwaspFloorAndNistLengths()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<AuthsomePasswordOptions>>().Value;

        Assert.Equal(19456, options.Argon2.MemoryKiB);
        Assert.Equal(2, options.Argon2.Iterations);
        Assert.Equal(8, options.MinLength);
        Assert.Equal(128, options.MaxLength);
        Assert.Equal(Environment.ProcessorCount, options.EffectiveMaxConcurrentHashes);
        Assert.Equal(16 * Environment.ProcessorCount, options.EffectiveMaxQueuedHashes);
    }

    [Fact]
    public void BindsFromAuthsomePasswordsSection()
    {
        using var services = Build(new()
        {
            ["Authsome:Password:Argon2:MemoryKiB"] = "65536",
            ["Authsome:Password:Argon2:Iterations"] = "3",
            ["Authsome:Password:MinLength"] = "12",
            ["Authsome:Password:MaxLength"] = "256",
            ["Authsome:Password:MaxConcurrentHashes"] = "3",
            ["Authsome:Password:MaxQueuedHashes"] = "7",
            ["Authsome:Password:QueueTimeout"] = "00:00:02",
            ["Authsome:Password:RefusalDelay"] = "00:00:00.250",
            ["Authsome:Password:MaxDelayedRefusals"] = "9",
        });

        var options = services.GetRequiredService<IOptions<AuthsomePasswordOptions>>().Value;

        Assert.Equal(65536, options.Argon2.MemoryKiB);
        Assert.Equal(3, options.Argon2.Iterations);
        Assert.Equal(12, options.MinLength);
        Assert.Equal(256, options.MaxLength);
        Assert.Equal(3, options.EffectiveMaxConcurrentHashes);
        Assert.Equal(7, options.EffectiveMaxQueuedHashes);
        Assert.Equal(TimeSpan.FromSeconds(2), options.QueueTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RefusalDelay);
        Assert.Equal(9, options.MaxDelayedRefusals);
    }

    [Theory]
    [InlineData("Authsome:Password:Argon2:MemoryKiB", "19455")]
    [InlineData("Authsome:Password:Argon2:MemoryKiB", "0")]
    [InlineData("Authsome:Password:Argon2:MemoryKiB", "2097152")]
    [InlineData("Authsome:Password:Argon2:Iterations", "1")]
    [InlineData("Authsome:Password:MinLength", "7")]
    [InlineData("Authsome:Password:MaxLength", "127")]
    [InlineData("Authsome:Password:MaxConcurrentHashes", "0")]
    [InlineData("Authsome:Password:MaxQueuedHashes", "-1")]
    [InlineData("Authsome:Password:QueueTimeout", "00:00:00")]
    [InlineData("Authsome:Password:RefusalDelay", "-00:00:01")]
    [InlineData("Authsome:Password:RefusalDelay", "00:00:11")]
    [InlineData("Authsome:Password:MaxDelayedRefusals", "-1")]
    public void StartFailsNamingTheBadSetting(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartFailsWhenMaxLengthIsBelowMinLength()
    {
        using var services = Build(new() { ["Authsome:Password:MinLength"] = "200" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Authsome:Password:MaxLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ReadsTheOldPasswordsSection_WhenTheNewSectionLacksTheKey()
    {
        using var services = Build(new() { ["Authsome:Passwords:MinLength"] = "12", ["Authsome:Password:MaxLength"] = "300" });

        var options = services.GetRequiredService<IOptions<AuthsomePasswordOptions>>().Value;

        Assert.Equal(12, options.MinLength);
        Assert.Equal(300, options.MaxLength);
    }

    [Fact]
    public void Bind_PrefersTheNewSection_WhenBothSectionsSetAKey()
    {
        using var services = Build(new() { ["Authsome:Passwords:MinLength"] = "12", ["Authsome:Password:MinLength"] = "16" });

        Assert.Equal(16, services.GetRequiredService<IOptions<AuthsomePasswordOptions>>().Value.MinLength);
    }

    [Fact]
    public void CodeConfigurationWinsOverConfiguration()
    {
        using var services = Build(
            new() { ["Authsome:Password:MinLength"] = "10" },
            options => options.MinLength = 14);

        Assert.Equal(14, services.GetRequiredService<IOptions<AuthsomePasswordOptions>>().Value.MinLength);
    }

    [Fact]
    public async Task RegistersHasherAndPolicyOnce()
    {
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging();
        collection.AddAuthsomePasswords();
        collection.AddAuthsomePasswords();
        await using var services = collection.BuildServiceProvider(validateScopes: true);

        Assert.Single(collection, d => d.ServiceType == typeof(IPasswordHasher));
        var hasher = services.GetRequiredService<IPasswordHasher>();
        var hash = await hasher.HashAsync("a long enough password", TestContext.Current.CancellationToken);
        Assert.Equal(PasswordVerificationResult.Success, await hasher.VerifyAsync("a long enough password", hash, TestContext.Current.CancellationToken));
        Assert.Empty(services.GetRequiredService<IPasswordPolicy>().Validate("a long enough password", null, null));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<AuthsomePasswordOptions>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddAuthsomePasswords(configure)
            .BuildServiceProvider(validateScopes: true);
    }
}
