using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Store;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.Sessions;

/// <summary>Session limits and lifetimes from configuration and from an app's session config.</summary>
public abstract class SessionPolicyTests(Backend backend)
{
    [Fact]
    public async Task CreatingASessionBeyondTheLimitEndsTheOldest()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: new Dictionary<string, string?> { ["Authsome:Sessions:MaxActiveSessions"] = "2" });
        using var client = host.CreateClient();
        var first = await client.SignUpAsync();
        var second = await client.SignInAsync(first.Email);

        var third = await client.SignInAsync(first.Email);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", first.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", second.AccessToken)).Status);
        Assert.Equal(2, (await client.GetAsync("/sessions", third.AccessToken)).Json!.AsArray().Count);
    }

    [Fact]
    public async Task AccessTokenExpiresAtItsTtlAndRefreshStillWorks()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, settings: new Dictionary<string, string?> { ["Authsome:Sessions:AccessTokenTtl"] = "00:10:00" }, time: time);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();

        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", session.AccessToken)).Status);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", session.AccessToken)).Status);

        var refreshed = await client.PostAsync("/refresh", new { refresh_token = session.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", refreshed.Str("session_token"))).Status);
    }

    [Fact]
    public async Task AnAppsSessionConfigOverridesTheTtls()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        var app = (await host.Store.Apps.GetPlatformAsync(TestContext.Current.CancellationToken))!;
        var now = time.GetUtcNow();
        await host.Store.AppSessionConfigs.SetAsync(new AppSessionConfig
        {
            Id = Id<AppSessionConfig>.New(),
            AppId = app.Id,
            TokenTtl = TimeSpan.FromMinutes(2),
            RefreshTokenTtl = TimeSpan.FromMinutes(5),
            CreatedAt = now,
            UpdatedAt = now,
        }, TestContext.Current.CancellationToken);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", session.AccessToken)).Status);
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal("token_invalid", (await client.PostAsync("/refresh", new { refresh_token = session.RefreshToken })).Code);
    }

    [Fact]
    public async Task SignUp_GivesTheTakenEmailAnswerTheRealSessionsLifetimes_WhenAnAppOverridesThem()
    {
        // The answer to a taken email is made by the same session factory as a real one; were it to drift (other
        // lifetimes, other fields), this answer would stop looking like a real sign-up's.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        var ct = TestContext.Current.CancellationToken;
        var app = (await host.Store.Apps.GetPlatformAsync(ct))!;
        var now = time.GetStoreNow();
        await host.Store.AppSessionConfigs.SetAsync(new AppSessionConfig
        {
            Id = Id<AppSessionConfig>.New(),
            AppId = app.Id,
            TokenTtl = TimeSpan.FromMinutes(3),
            RefreshTokenTtl = TimeSpan.FromMinutes(7),
            CreatedAt = now,
            UpdatedAt = now,
        }, ct);
        using var client = host.CreateClient();
        var email = ApiClient.NewEmail();

        var real = await client.PostAsync("/signup", new { email, password = ApiClient.Password });
        var decoy = await client.PostAsync("/signup", new { email, password = "Another-Password-7" });

        Assert.Equal(HttpStatusCode.Created, decoy.Status);
        Assert.Equal(real.Shape(), decoy.Shape());
        foreach (var answer in new[] { real, decoy })
        {
            Assert.Equal(now.AddMinutes(3), DateTimeOffset.Parse(answer.Str("expires_at")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(now.AddMinutes(7), DateTimeOffset.Parse(answer.Str("refresh_token_expires_at")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(43, answer.Str("session_token")!.Length);
            Assert.Equal(43, answer.Str("refresh_token")!.Length);
        }
    }

    [Fact]
    public async Task ExpiredSessionsArePurgedInTheBackground()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time, settings: new Dictionary<string, string?>
        {
            ["Authsome:Sessions:AccessTokenTtl"] = "00:10:00",
            ["Authsome:Sessions:RefreshTokenTtl"] = "00:30:00",
            ["Authsome:PurgeInterval"] = "00:10:00",
        });
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        var sessionId = (await client.GetAsync("/sessions", session.AccessToken)).Json!.AsArray()[0]!["id"]!.GetValue<string>();

        time.Advance(TimeSpan.FromMinutes(40));

        for (var i = 0; i < 800 && await host.Store.Sessions.GetAsync(Id<Session>.Parse(sessionId), TestContext.Current.CancellationToken) is not null; i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.Null(await host.Store.Sessions.GetAsync(Id<Session>.Parse(sessionId), TestContext.Current.CancellationToken));
    }
}

public sealed class SessionPolicyTestsOnMemory() : SessionPolicyTests(Backend.Memory);

public sealed class SessionPolicyTestsOnPostgres() : SessionPolicyTests(Backend.Postgres);
