using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.Security;

public abstract class LockoutTests(Backend backend)
{
    private const string Wrong = "Wrong-Password-1";
    private const string Attacker = "203.0.113.7";
    private const string Owner = "198.51.100.20";

    [Fact]
    public async Task RepeatedFailuresLockTheClientUntilTheWindowEnds_SayingSo()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("invalid_credentials", (await client.PostFromAsync(Attacker, "/signin", new { email = session.Email, password = Wrong })).Code);
        }

        // Locked: even the right password is not checked, and the answer says what happened and for how long.
        var locked = await client.PostFromAsync(Attacker, "/signin", new { email = session.Email, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Locked, locked.Status);
        Assert.Equal("account_locked", locked.Code);
        Assert.Equal(TimeSpan.FromMinutes(15), locked.Headers.RetryAfter?.Delta);
        await host.Mail.WaitForAsync(session.Email, "Sign-in to your account is paused");

        time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.Equal("account_locked", (await client.PostFromAsync(Attacker, "/signin", new { email = session.Email, password = ApiClient.Password })).Code);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PostFromAsync(Attacker, "/signin", new { email = session.Email, password = ApiClient.Password })).Status);
    }

    [Fact]
    public async Task AnUnknownAccountLocksExactlyLikeAKnownOne()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var known = await client.SignUpAsync();
        var unknown = ApiClient.NewEmail("nobody");
        for (var i = 0; i < 5; i++)
        {
            await client.PostFromAsync(Attacker, "/signin", new { email = known.Email, password = Wrong });
            await client.PostFromAsync(Attacker, "/signin", new { email = unknown, password = Wrong });
        }

        var knownLocked = await client.PostFromAsync(Attacker, "/signin", new { email = known.Email, password = Wrong });
        var unknownLocked = await client.PostFromAsync(Attacker, "/signin", new { email = unknown, password = Wrong });

        Assert.Equal("account_locked", knownLocked.Code);
        Assert.Equal(unknownLocked.Comparable(), knownLocked.Comparable());
    }

    [Fact]
    public async Task AStrangerCannotLockTheOwnerOut_OfTheirOwnClient()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        for (var i = 0; i < 8; i++)
        {
            await client.PostFromAsync(Attacker, "/signin", new { email = session.Email, password = Wrong });
        }

        Assert.Equal("account_locked", (await client.PostFromAsync(Attacker, "/signin", new { email = session.Email, password = ApiClient.Password })).Code);
        Assert.Equal(HttpStatusCode.OK, (await client.PostFromAsync(Owner, "/signin", new { email = session.Email, password = ApiClient.Password })).Status);
    }

    [Fact]
    public async Task PastTheAccountWideLimit_OnlyClientsThatSignedInBeforeMayTry()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: new Dictionary<string, string?> { ["Authsome:Lockout:MaxAccountAttempts"] = "6" });
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostFromAsync(Owner, "/signin", new { email = session.Email, password = ApiClient.Password })).Status);
        for (var i = 0; i < 8; i++)
        {
            await client.PostFromAsync($"203.0.113.{i + 10}", "/signin", new { email = session.Email, password = Wrong });
        }

        var stranger = await client.PostFromAsync("203.0.113.99", "/signin", new { email = session.Email, password = ApiClient.Password });
        Assert.Equal("account_locked", stranger.Code);
        Assert.Contains("many places", stranger.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.PostFromAsync(Owner, "/signin", new { email = session.Email, password = ApiClient.Password })).Status);
    }

    [Fact]
    public async Task AParallelBurstIsCheckedNoMoreThanTheLimit()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            client.PostFromAsync(Attacker, "/signin", new { email = session.Email, password = Wrong })));

        // Every attempt is counted before its password is checked, so at most five were checked.
        Assert.True(answers.Count(a => a.Code == "invalid_credentials") <= 5, string.Join(", ", answers.Select(a => a.Code)));
        Assert.Equal("account_locked", (await client.PostFromAsync(Attacker, "/signin", new { email = session.Email, password = ApiClient.Password })).Code);
    }

    [Fact]
    public async Task ASuccessfulSignInResetsTheClientsCount()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        for (var i = 0; i < 4; i++)
        {
            await client.PostAsync("/signin", new { email = session.Email, password = Wrong });
        }

        await client.SignInAsync(session.Email);
        for (var i = 0; i < 4; i++)
        {
            await client.PostAsync("/signin", new { email = session.Email, password = Wrong });
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/signin", new { email = session.Email, password = ApiClient.Password })).Status);
    }

    [Fact]
    public async Task APasswordResetEndsALockoutAtOnce()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsync("/signin", new { email = session.Email, password = Wrong });
        }

        await client.PostAsync("/forgot-password", new { email = session.Email });
        var token = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(session.Email, "Reset your password"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/reset-password", new { token, new_password = "Fresh-Start-Password-8" })).Status);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/signin", new { email = session.Email, password = "Fresh-Start-Password-8" })).Status);
    }
}

public sealed class LockoutTestsOnMemory() : LockoutTests(Backend.Memory);

public sealed class LockoutTestsOnPostgres() : LockoutTests(Backend.Postgres);
