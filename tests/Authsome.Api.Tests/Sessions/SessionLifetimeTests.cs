using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Store;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.Sessions;

/// <summary>A session's absolute lifetime and idle timeout, on access and on refresh, and how often activity is written.</summary>
public abstract class SessionLifetimeTests(Backend backend)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RefreshingNeverExtendsASessionPastItsAbsoluteLifetime()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time, settings: new Dictionary<string, string?>
        {
            ["Authsome:Sessions:AccessTokenTtl"] = "00:10:00",
            ["Authsome:Sessions:AbsoluteLifetime"] = "01:00:00",
        });
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        var refreshToken = session.RefreshToken;
        string? accessToken = null;
        for (var i = 0; i < 6; i++)
        {
            time.Advance(TimeSpan.FromMinutes(9));
            var refreshed = await client.PostAsync("/refresh", new { refresh_token = refreshToken });
            Assert.Equal(HttpStatusCode.OK, refreshed.Status);
            (refreshToken, accessToken) = (refreshed.Str("refresh_token"), refreshed.Str("session_token"));
        }

        // 54 minutes in: the new access token ends with the session at 60, not 10 minutes after this refresh.
        time.Advance(TimeSpan.FromMinutes(6) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", accessToken)).Status);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", accessToken)).Status);
        Assert.Equal("token_invalid", (await client.PostAsync("/refresh", new { refresh_token = refreshToken })).Code);
    }

    [Fact]
    public async Task AnIdleSessionEnds_OnAccessAndOnRefresh()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time, settings: new Dictionary<string, string?>
        {
            ["Authsome:Sessions:AccessTokenTtl"] = "01:00:00",
            ["Authsome:Sessions:IdleTimeout"] = "00:20:00",
        });
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();

        // Used at 19 minutes: idle counts from then.
        time.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", session.AccessToken)).Status);
        time.Advance(TimeSpan.FromMinutes(20) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", session.AccessToken)).Status);

        time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", session.AccessToken)).Status);
        Assert.Equal("token_invalid", (await client.PostAsync("/refresh", new { refresh_token = session.RefreshToken })).Code);
    }

    [Fact]
    public async Task AnAppsSessionConfigOverridesTheIdleTimeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time);
        var app = (await host.Store.Apps.GetPlatformAsync(Ct))!;
        var now = time.GetUtcNow();
        await host.Store.AppSessionConfigs.SetAsync(new AppSessionConfig
        {
            Id = Id<AppSessionConfig>.New(),
            AppId = app.Id,
            IdleTimeout = TimeSpan.FromMinutes(5),
            AbsoluteLifetime = TimeSpan.FromHours(2),
            CreatedAt = now,
            UpdatedAt = now,
        }, Ct);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", session.AccessToken)).Status);
        Assert.Equal("token_invalid", (await client.PostAsync("/refresh", new { refresh_token = session.RefreshToken })).Code);
    }

    [Fact]
    public async Task ActivityIsWrittenAtMostOncePerInterval()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time, settings: new Dictionary<string, string?>
        {
            ["Authsome:Sessions:AccessTokenTtl"] = "10:00:00",
        });
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        var id = (await host.Store.Sessions.ListByUserAsync(Id<User>.Parse(session.UserId), Ct)).Single().Id;
        var started = (await host.Store.Sessions.GetAsync(id, Ct))!.LastActivityAt;

        // The default interval is an hour (a hundredth of the 7-day idle timeout is longer).
        time.Advance(TimeSpan.FromMinutes(59));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", session.AccessToken)).Status);
        }

        Assert.Equal(started, (await host.Store.Sessions.GetAsync(id, Ct))!.LastActivityAt);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", session.AccessToken)).Status);
        Assert.Equal(started.AddHours(1), (await host.Store.Sessions.GetAsync(id, Ct))!.LastActivityAt);
    }

    [Fact]
    public async Task ActivityIsWrittenEveryHundredthOfAShortIdleTimeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, time: time, settings: new Dictionary<string, string?>
        {
            ["Authsome:Sessions:AccessTokenTtl"] = "10:00:00",
            ["Authsome:Sessions:IdleTimeout"] = "01:40:00",
        });
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        var id = (await host.Store.Sessions.ListByUserAsync(Id<User>.Parse(session.UserId), Ct)).Single().Id;
        var started = (await host.Store.Sessions.GetAsync(id, Ct))!.LastActivityAt;

        // A 100-minute idle timeout: activity is written once a minute, not once an hour.
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", session.AccessToken)).Status);
        Assert.Equal(started, (await host.Store.Sessions.GetAsync(id, Ct))!.LastActivityAt);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me", session.AccessToken)).Status);
        Assert.Equal(started.AddMinutes(1), (await host.Store.Sessions.GetAsync(id, Ct))!.LastActivityAt);
    }

    [Fact]
    public async Task ASessionOfAnotherEnvironmentIsRefused()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var session = await client.SignUpAsync();
        var id = (await host.Store.Sessions.ListByUserAsync(Id<User>.Parse(session.UserId), Ct)).Single().Id;
        var stored = (await host.Store.Sessions.GetAsync(id, Ct))!;
        await host.Store.Sessions.DeleteAsync(id, Ct);
        await host.Store.Sessions.CreateAsync(stored with { EnvId = Id<AppEnvironment>.New() }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me", session.AccessToken)).Status);
    }
}

public sealed class SessionLifetimeTestsOnMemory() : SessionLifetimeTests(Backend.Memory);

public sealed class SessionLifetimeTestsOnSqlite() : SessionLifetimeTests(Backend.Sqlite);
