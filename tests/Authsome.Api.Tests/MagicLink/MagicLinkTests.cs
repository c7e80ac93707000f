using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Plugins.MagicLink;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Authsome.Api.Tests.MagicLink;

/// <summary>Sign-in by mailed link through the Api host: request, mail, verify; the limits and the attacks.</summary>
public abstract class MagicLinkTests(Backend backend)
{
    private const string Subject = "Your sign-in link";

    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Authsome:MagicLink:RateLimit:PermitLimit"] = "100000" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task Verify_SignsUpANewcomer_WithTheTokenFromTheMail()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: Settings());
        using var client = host.CreateClient();
        var email = ApiClient.NewEmail("magic");

        var requested = await client.PostAsync("/magic-link", new { email });
        Assert.Equal(HttpStatusCode.Accepted, requested.Status);
        var token = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(email, Subject));

        var verified = await client.PostAsync("/magic-link/verify", new { token });
        Assert.Equal(HttpStatusCode.OK, verified.Status);
        Assert.True(verified.Json!["user"]!["email_verified"]!.GetValue<bool>());
        var me = await client.GetAsync("/me", verified.Str("session_token"));
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(email, me.Json!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Verify_Refuses_WhenTheTokenWasUsed()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: Settings());
        using var client = host.CreateClient();
        var email = ApiClient.NewEmail("magic");
        await client.PostAsync("/magic-link", new { email });
        var token = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(email, Subject));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/magic-link/verify", new { token })).Status);
        var replay = await client.PostAsync("/magic-link/verify", new { token });

        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal("verification_invalid", replay.Code);
    }

    [Fact]
    public async Task Verify_Refuses_FromFifteenMinutesOn()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, settings: Settings(), time: time);
        using var client = host.CreateClient();
        var early = ApiClient.NewEmail("early");
        var late = ApiClient.NewEmail("late");
        await client.PostAsync("/magic-link", new { email = early });
        await client.PostAsync("/magic-link", new { email = late });
        var earlyToken = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(early, Subject));
        var lateToken = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(late, Subject));

        time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/magic-link/verify", new { token = earlyToken })).Status);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("verification_invalid", (await client.PostAsync("/magic-link/verify", new { token = lateToken })).Code);
    }

    [Fact]
    public async Task Verify_SignsInAndVerifiesTheEmail_WhenTheAccountExists()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: Settings());
        using var client = host.CreateClient();
        var account = await client.SignUpAsync();

        await client.PostAsync("/magic-link", new { email = account.Email });
        var token = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(account.Email, Subject));
        var verified = await client.PostAsync("/magic-link/verify", new { token });

        Assert.Equal(account.UserId, verified.Json!["user"]!["id"]!.GetValue<string>());
        Assert.True(verified.Json["user"]!["email_verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Request_AnswersAlikeAndMailsNothing_WhenSignUpIsOffForANewcomer()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: Settings(("Authsome:SignUp:Enabled", "false")));
        using var client = host.CreateClient();
        var email = ApiClient.NewEmail("nobody");

        var answer = await client.PostAsync("/magic-link", new { email });
        var control = ApiClient.NewEmail("control");
        await host.Store.Users.CreateAsync(new Store.User
        {
            Id = Store.Id<Store.User>.New(),
            AppId = (await host.Store.Apps.GetPlatformAsync(TestContext.Current.CancellationToken))!.Id,
            EnvId = (await host.Store.Environments.GetDefaultAsync((await host.Store.Apps.GetPlatformAsync(TestContext.Current.CancellationToken))!.Id, TestContext.Current.CancellationToken))!.Id,
            Email = control,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        }, TestContext.Current.CancellationToken);
        var known = await client.PostAsync("/magic-link", new { email = control });

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        Assert.Equal(answer.Comparable(), known.Comparable());
        await host.Mail.WaitForAsync(control, Subject);
        Assert.Equal(0, host.Mail.Count(email, Subject));
    }

    [Fact]
    public async Task Request_MailsNoMoreThanTheLimit_WithTheSameAnswer()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: Settings(("Authsome:MagicLink:MaxPerEmail", "2")));
        using var client = host.CreateClient();
        var email = ApiClient.NewEmail("limited");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/magic-link", new { email })).Status);
        }

        await host.Mail.WaitForAsync(email, Subject, skip: 1);
        var other = ApiClient.NewEmail("other");
        await client.PostAsync("/magic-link", new { email = other });
        await host.Mail.WaitForAsync(other, Subject);
        Assert.Equal(2, host.Mail.Count(email, Subject));
    }

    [Fact]
    public async Task Request_IsRateLimited_PerClient()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: Settings(("Authsome:MagicLink:RateLimit:PermitLimit", "2")));
        using var client = host.CreateClient();

        await client.PostAsync("/magic-link", new { email = ApiClient.NewEmail() });
        await client.PostAsync("/magic-link", new { email = ApiClient.NewEmail() });
        var third = await client.PostAsync("/magic-link", new { email = ApiClient.NewEmail() });

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal("rate_limited", third.Code);
    }

    [Fact]
    public async Task Request_AcceptsOnlyAnAllowedRedirectUri_AndVerifyHandsItBack()
    {
        const string Allowed = "https://app.example.com/welcome";
        await using var host = await ApiHost.StartAsync(backend, settings: Settings(("Authsome:MagicLink:AllowedRedirectUris:0", Allowed)));
        using var client = host.CreateClient();
        var email = ApiClient.NewEmail("redirect");

        var refused = await client.PostAsync("/magic-link", new { email, redirect_uri = "https://evil.example.com/welcome" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("validation_failed", refused.Code);

        await client.PostAsync("/magic-link", new { email, redirect_uri = Allowed });
        var token = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(email, Subject));
        var verified = await client.PostAsync("/magic-link/verify", new { token });
        Assert.Equal(Allowed, verified.Str("redirect_uri"));
    }

    [Fact]
    public async Task Purge_DeletesOldLinks_InTheBackground()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ApiHost.StartAsync(backend, settings: Settings(("Authsome:PurgeInterval", "00:10:00")), time: time);
        using var client = host.CreateClient();
        var email = ApiClient.NewEmail("purged");
        await client.PostAsync("/magic-link", new { email });
        await host.Mail.WaitForAsync(email, Subject);
        var links = host.Services.GetRequiredService<IMagicLinkStore>();
        var appId = (await host.Store.Apps.GetPlatformAsync(TestContext.Current.CancellationToken))!.Id;
        Assert.Equal(1, await links.CountSentSinceAsync(appId, email, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken));

        time.Advance(TimeSpan.FromHours(2));

        for (var i = 0; i < 800 && await links.CountSentSinceAsync(appId, email, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken) > 0; i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, await links.CountSentSinceAsync(appId, email, DateTimeOffset.UnixEpoch, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Verify_RefusesAlike_WhenTheTokenIsMalformedOrUnknown()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: Settings());
        using var client = host.CreateClient();

        var junk = await client.PostAsync("/magic-link/verify", new { token = "not-a-token" });
        var unknown = await client.PostAsync("/magic-link/verify", new { token = new string('a', 43) });

        Assert.Equal("verification_invalid", junk.Code);
        Assert.Equal(junk.Comparable(), unknown.Comparable());
    }
}

public sealed class MagicLinkTestsOnMemory() : MagicLinkTests(Backend.Memory);

public sealed class MagicLinkTestsOnSqlite() : MagicLinkTests(Backend.Sqlite);

public sealed class MagicLinkTestsOnPostgres() : MagicLinkTests(Backend.Postgres);

public sealed class MagicLinkTestsOnMongo() : MagicLinkTests(Backend.Mongo);
