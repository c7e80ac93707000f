using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.Security;

public abstract class LockoutTests(Backend backend)
{
    private const string Wrong = "Wrong-Password-1";

    [Fact]
    public async Task RepeatedFailuresLockTheAccountUntilTheLockoutExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("invalid_credentials", (await client.PostAsync("/signin", new { email = session.Email, password = Wrong })).Code);
        }

        // Locked: even the right password answers exactly like a wrong one (no enumeration, no oracle).
        var locked = await client.PostAsync("/signin", new { email = session.Email, password = ApiClient.Password });
        var unknown = await client.PostAsync("/signin", new { email = ApiClient.NewEmail("nobody"), password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.Status);
        Assert.Equal(unknown.Comparable(), locked.Comparable());
        await host.Mail.WaitForAsync(session.Email, "Sign-in to your account is paused");

        time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.Equal("invalid_credentials", (await client.PostAsync("/signin", new { email = session.Email, password = ApiClient.Password })).Code);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/signin", new { email = session.Email, password = ApiClient.Password })).Status);
    }

    [Fact]
    public async Task ASuccessfulSignInResetsTheFailureCount()
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

    [Fact]
    public async Task RevealLockoutAnswersAccountLockedWithRetryAfter()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time, settings: new Dictionary<string, string?>
        {
            ["Authsome:Lockout:RevealLockout"] = "true",
            ["Authsome:Lockout:MaxFailedAttempts"] = "3",
            ["Authsome:Lockout:Duration"] = "00:02:00",
        });
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsync("/signin", new { email = session.Email, password = Wrong });
        }

        time.Advance(TimeSpan.FromSeconds(30));
        var locked = await client.PostAsync("/signin", new { email = session.Email, password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.Locked, locked.Status);
        Assert.Equal("account_locked", locked.Code);
        Assert.Equal(TimeSpan.FromSeconds(90), locked.Headers.RetryAfter?.Delta);
    }
}

public sealed class LockoutTestsOnMemory() : LockoutTests(Backend.Memory);

public sealed class LockoutTestsOnPostgres() : LockoutTests(Backend.Postgres);
