using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Store;

namespace Authsome.Api.Tests.MachineAccess;

/// <summary>Mail goes through the store's notifications: retried while the mail server is down, capped per account, kept across restarts.</summary>
public abstract class DurableMailTests(Backend backend)
{
    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["Authsome:Mail:PollInterval"] = "00:00:00.100",
        ["Authsome:Mail:InitialRetryDelay"] = "00:00:00.100",
    };

    protected Backend Backend => backend;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMailIsStoredSentAndMarkedSent_WithItsBodyErased()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: Fast);
        using var client = host.CreateClient();
        var user = await client.SignUpAsync();

        await client.PostAsync("/forgot-password", new { email = user.Email });

        var mail = await host.Mail.WaitForAsync(user.Email, "Reset your password");
        Assert.NotEmpty(CapturingEmailSender.TokenOf(mail));
        var stored = await WaitForNotificationAsync(host, user.UserId, n => n.Type == "password_reset" && n.Sent);
        Assert.Equal(string.Empty, stored.Body);
        Assert.Equal(user.Email, stored.Recipient);
    }

    [Fact]
    public async Task WhileTheMailServerIsDown_MailIsRetried_AndSentOnceItIsBack()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: Fast);
        using var client = host.CreateClient();
        var user = await client.SignUpAsync();
        host.Mail.Down = true;

        await client.PostAsync("/forgot-password", new { email = user.Email });
        var failing = await WaitForNotificationAsync(host, user.UserId, n => n.Type == "password_reset" && n.Attempts >= 2);
        Assert.False(failing.Sent);
        Assert.NotEmpty(failing.Body);
        host.Mail.Down = false;

        await host.Mail.WaitForAsync(user.Email, "Reset your password");
        Assert.True((await WaitForNotificationAsync(host, user.UserId, n => n.Type == "password_reset" && n.Sent)).Attempts >= 2);
    }

    [Fact]
    public async Task AnAccountGetsAtMostItsHourlyShareOfAKindOfMail_AndTheAnswerDoesNotSaySo()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: new Dictionary<string, string?>(Fast) { ["Authsome:Mail:MaxPerAccountPerHour"] = "3" });
        using var client = host.CreateClient();
        var user = await client.SignUpAsync();

        var answers = new List<Answer>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await client.PostAsync("/forgot-password", new { email = user.Email }));
        }

        Assert.All(answers, a => Assert.Equal(answers[0].Comparable(), a.Comparable()));
        await host.Mail.WaitForAsync(user.Email, "Reset your password", skip: 2);
        await Task.Delay(500, Ct);
        Assert.Equal(3, host.Mail.Count(user.Email, "Reset your password"));
        Assert.Equal(3, await host.Store.Notifications.CountSinceAsync(Id<User>.Parse(user.UserId), "password_reset", DateTimeOffset.UtcNow.AddHours(-1), Ct));
    }

    [Fact]
    public async Task AnInvitationGoesThroughTheOutbox_RetriedWhileTheServerIsDown_AndDelivered()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: Fast);
        using var client = host.CreateClient();
        var (orgId, owner) = await GivenOrganizationAsync(host, client);
        var invitee = ApiClient.NewEmail();
        host.Mail.Down = true;
        var failuresBefore = host.Mail.Failures;

        var invited = await client.PostAsync($"/orgs/{orgId}/invitations", new { email = invitee, role = "member" }, owner.AccessToken);

        Assert.Equal(HttpStatusCode.Created, invited.Status);
        await WaitUntilAsync(() => host.Mail.Failures >= failuresBefore + 2);
        Assert.Equal(0, host.Mail.Count(invitee, "invited"));
        host.Mail.Down = false;
        var token = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(invitee, "invited"));
        var member = await client.SignUpAsync(invitee);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/invitations/accept", new { token }, member.AccessToken)).Status);
    }

    /// <summary>An organization whose owner's own mail (the verification) is already sent, so only new mail is pending.</summary>
    protected static async Task<(string OrgId, SignedIn Owner)> GivenOrganizationAsync(ApiHost host, ApiClient client)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(client);
        var owner = await client.SignUpAsync();
        await host.Mail.WaitForAsync(owner.Email, "Verify");
        var created = await client.PostAsync("/orgs", new { name = "Acme" }, owner.AccessToken);
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        return (created.Str("id")!, owner);
    }

    protected static async Task WaitUntilAsync(Func<bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var i = 0; i < 800 && !condition(); i++)
        {
            await Task.Delay(25, Ct);
        }

        Assert.True(condition(), "The condition did not hold in time.");
    }

    protected static async Task<Notification> WaitForNotificationAsync(ApiHost host, string userId, Func<Notification, bool> match)
    {
        for (var i = 0; i < 800; i++)
        {
            var page = await host.Store.Notifications.ListByUserAsync(Id<User>.Parse(userId), new PageRequest(null, 100), Ct);
            if (page.Items.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(25, Ct);
        }

        throw new TimeoutException("No notification reached the expected state.");
    }
}

/// <summary>What the store keeps survives a restart: mail written while the server was down is sent by the next API process.</summary>
public abstract class RestartableMailTests(Backend backend) : DurableMailTests(backend)
{
    [Fact]
    public async Task MailWrittenWhileTheServerIsDown_IsSentAfterAnApiRestart()
    {
        await using var host = await ApiHost.StartAsync(Backend, settings: new Dictionary<string, string?>
        {
            ["Authsome:Mail:PollInterval"] = "00:00:00.100",
            // Long enough that the stopping process does not claim the mail again while it shuts down.
            ["Authsome:Mail:InitialRetryDelay"] = "00:00:03",
        });
        using var client = host.CreateClient();
        var user = await client.SignUpAsync();
        host.Mail.Down = true;
        await client.PostAsync("/forgot-password", new { email = user.Email });
        // The failure is recorded (attempt counted, lease released): the mail now waits in the store alone.
        var waiting = await WaitForNotificationAsync(host, user.UserId, n => n.Type == "password_reset" && n.Attempts >= 1 && n.LeaseUntil is null);
        Assert.False(waiting.Sent);
        host.Mail.Down = false;

        await host.RestartAsync();

        var mail = await host.Mail.WaitForAsync(user.Email, "Reset your password");
        Assert.NotEmpty(CapturingEmailSender.TokenOf(mail));
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().PostAsync("/reset-password", new { token = CapturingEmailSender.TokenOf(mail), new_password = "Brand-New-Pass-77" })).Status);
    }

    [Fact]
    public async Task AnInvitationWrittenWhileTheServerIsDown_IsSentAfterAnApiRestart()
    {
        await using var host = await ApiHost.StartAsync(Backend, settings: new Dictionary<string, string?>
        {
            ["Authsome:Mail:PollInterval"] = "00:00:00.100",
            ["Authsome:Mail:InitialRetryDelay"] = "00:00:03",
        });
        using var client = host.CreateClient();
        var (orgId, owner) = await GivenOrganizationAsync(host, client);
        var invitee = ApiClient.NewEmail();
        host.Mail.Down = true;
        var failuresBefore = host.Mail.Failures;
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/orgs/{orgId}/invitations", new { email = invitee, role = "member" }, owner.AccessToken)).Status);
        await WaitUntilAsync(() => host.Mail.Failures > failuresBefore);
        // The failed send is recorded (the lease freed) right after it; the invitation has no user to list it by, so give that a moment.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        host.Mail.Down = false;

        await host.RestartAsync();

        var token = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(invitee, "invited"));
        using var after = host.CreateClient();
        var member = await after.SignUpAsync(invitee);
        Assert.Equal(HttpStatusCode.OK, (await after.PostAsync("/invitations/accept", new { token }, member.AccessToken)).Status);
    }
}

public sealed class DurableMailTestsOnMemory() : DurableMailTests(Backend.Memory);

public sealed class DurableMailTestsOnSqlite() : RestartableMailTests(Backend.Sqlite);

public sealed class DurableMailTestsOnPostgres() : RestartableMailTests(Backend.Postgres);

public sealed class DurableMailTestsOnMongo() : RestartableMailTests(Backend.Mongo);
