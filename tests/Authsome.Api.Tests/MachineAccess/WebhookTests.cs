using System.Net;
using System.Text.Json.Nodes;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Hooks;
using Authsome.Store;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Authsome.Api.Tests.MachineAccess;

/// <summary>Webhooks end to end against a receiver on 127.0.0.1, checked with the StandardWebhooks verifier.</summary>
public abstract class WebhookTests(Backend backend)
{
    /// <summary>Quick rounds and retries, and 127.0.0.1 allowed (the receiver lives there).</summary>
    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["Authsome:Webhooks:AllowPrivateNetworks"] = "true",
        ["Authsome:Webhooks:PollInterval"] = "00:00:00.100",
        ["Authsome:Webhooks:InitialRetryDelay"] = "00:00:00.200",
        ["Authsome:Webhooks:MaxRetryDelay"] = "00:00:00.400",
        // Many quick attempts, so a slow machine cannot use them all up before the receiver is back.
        ["Authsome:Webhooks:MaxAttempts"] = "100",
        ["Authsome:Webhooks:AttemptTimeout"] = "00:00:05",
    };

    protected Backend Backend => backend;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReceiverGetsUserCreatedForASignUp_SignedPerStandardWebhooks()
    {
        await using var receiver = await WebhookReceiver.StartedAsync();
        await using var host = await ApiHost.StartAsync(backend, settings: Fast);
        using var client = host.CreateClient();
        var (admin, webhook) = await GivenWebhookAsync(host, client, receiver.Url, ["user.created"]);
        var secret = webhook.Str("secret")!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        var newcomer = await client.SignUpAsync();

        var received = await receiver.WaitForAsync(r => r.Type == "user.created" && r.Json["data"]!["email"]!.GetValue<string>() == newcomer.Email);
        new StandardWebhook(secret).Verify(received.Body, received.Headers);
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(WrongSecret()).Verify(received.Body, received.Headers));
        Assert.Equal(newcomer.UserId, received.Json["data"]!["id"]!.GetValue<string>());
        Assert.Equal(received.Id, received.Json["id"]!.GetValue<string>());
        Assert.NotNull(received.Json["timestamp"]);
        Assert.DoesNotContain("password", received.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(receiver.Received, r => r.Type != "user.created");

        var deliveries = await WaitForDeliveriesAsync(client, admin, webhook.Str("id")!, d => d["status"]!.GetValue<string>() == "succeeded");
        var delivery = deliveries.Single(d => d["event_id"]!.GetValue<string>() == received.Id);
        Assert.Equal(200, delivery["response_status"]!.GetValue<int>());
        Assert.Equal(1, delivery["attempts"]!.GetValue<int>());
        Assert.NotNull(delivery["latency_ms"]);
        Assert.Equal("ok", delivery["response_body"]!.GetValue<string>());
        var listed = await client.GetAsync("/webhooks", admin.AccessToken);
        Assert.DoesNotContain(secret, listed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheReceiverDown_TheEventIsRetriedAndDeliveredOnceItIsBack()
    {
        await using var receiver = new WebhookReceiver();
        await using var host = await ApiHost.StartAsync(backend, settings: Fast);
        using var client = host.CreateClient();
        var (admin, webhook) = await GivenWebhookAsync(host, client, receiver.Url, ["user.*"]);
        var newcomer = await client.SignUpAsync();
        await WaitForDeliveriesAsync(client, admin, webhook.Str("id")!, d => d["attempts"]!.GetValue<int>() >= 2 && d["status"]!.GetValue<string>() == "pending");

        await receiver.StartAsync();

        var received = await receiver.WaitForAsync(r => r.Type == "user.created" && r.Json["data"]!["email"]!.GetValue<string>() == newcomer.Email);
        new StandardWebhook(webhook.Str("secret")!).Verify(received.Body, received.Headers);
        var delivered = await WaitForDeliveriesAsync(client, admin, webhook.Str("id")!, d => d["status"]!.GetValue<string>() == "succeeded");
        Assert.True(delivered.Single(d => d["event_id"]!.GetValue<string>() == received.Id)["attempts"]!.GetValue<int>() >= 3);
    }

    [Fact]
    public async Task AnyEventRaisedThroughTheHooksReachesTheWebhooksSubscribedToIt()
    {
        await using var receiver = await WebhookReceiver.StartedAsync();
        await using var host = await ApiHost.StartAsync(backend, settings: Fast);
        using var client = host.CreateClient();
        var (_, webhook) = await GivenWebhookAsync(host, client, receiver.Url, ["org.*"]);
        var app = (await host.Store.Apps.GetPlatformAsync(Ct))!;
        var hooks = host.Services.GetRequiredService<HookRunner>();

        await hooks.PublishAsync(new AuthsomeEvent("org.created", app.Id, new { org_id = "aorg_test", name = "Acme" }), Ct);
        await hooks.PublishAsync(new AuthsomeEvent("member.added", app.Id, new { org_id = "aorg_test" }), Ct);
        // The change an event reports is already stored when it is raised: a caller that went away does not lose it.
        await hooks.PublishAsync(new AuthsomeEvent("org.updated", app.Id, new { org_id = "aorg_test" }), new CancellationToken(canceled: true));
        await client.SignUpAsync();

        var received = await receiver.WaitForAsync(r => r.Type == "org.created");
        Assert.Equal("Acme", received.Json["data"]!["name"]!.GetValue<string>());
        new StandardWebhook(webhook.Str("secret")!).Verify(received.Body, received.Headers);
        await receiver.WaitForAsync(r => r.Type == "org.updated");
        await Task.Delay(500, Ct);
        Assert.All(receiver.Received, r => Assert.StartsWith("org.", r.Type, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TenancyEventsReachTheWebhooksThroughTheOneEventPath()
    {
        await using var receiver = await WebhookReceiver.StartedAsync();
        await using var host = await ApiHost.StartAsync(backend, settings: Fast);
        using var client = host.CreateClient();
        var (admin, webhook) = await GivenWebhookAsync(host, client, receiver.Url, ["org.*", "member.added"]);

        var created = await client.PostAsync("/orgs", new { name = "Acme" }, admin.AccessToken);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var orgId = created.Str("id")!;
        var orgCreated = await receiver.WaitForAsync(r => r.Type == "org.created");
        new StandardWebhook(webhook.Str("secret")!).Verify(orgCreated.Body, orgCreated.Headers);
        Assert.Equal(orgId, orgCreated.Json["data"]!["org_id"]!.GetValue<string>());
        Assert.Equal(orgId, orgCreated.Json["data"]!["subject_id"]!.GetValue<string>());
        Assert.Equal(admin.UserId, orgCreated.Json["data"]!["actor_id"]!.GetValue<string>());
        var ownerAdded = await receiver.WaitForAsync(r => r.Type == "member.added");
        Assert.Equal(orgId, ownerAdded.Json["data"]!["org_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task MfaEventsReachTheWebhooksThroughTheOneEventPath()
    {
        await using var receiver = await WebhookReceiver.StartedAsync();
        await using var host = await ApiHost.StartAsync(backend, settings: Fast);
        using var client = host.CreateClient();
        var (_, webhook) = await GivenWebhookAsync(host, client, receiver.Url, ["mfa.*"]);
        var user = await client.SignUpAsync();
        var secret = (await client.PostAsync("/mfa/totp/enroll", new { password = ApiClient.Password }, user.AccessToken)).Str("secret")!;
        var confirmed = await client.PostAsync("/mfa/totp/confirm", new { code = Mfa.Rfc6238.Code(secret, DateTimeOffset.UtcNow) }, user.AccessToken);
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);

        var enabled = await receiver.WaitForAsync(r => r.Type == "mfa.enabled");
        new StandardWebhook(webhook.Str("secret")!).Verify(enabled.Body, enabled.Headers);
        Assert.Equal(user.UserId, enabled.Json["data"]!["user_id"]!.GetValue<string>());

        var ticket = (await client.PostAsync("/signin", new { email = user.Email, password = ApiClient.Password })).Str("mfa_ticket")!;
        Assert.Equal("mfa_code_invalid", (await client.PostAsync("/mfa/challenge", new { mfa_ticket = ticket, code = WrongCode(secret) })).Code);
        var failed = await receiver.WaitForAsync(r => r.Type == "mfa.challenge_failed");
        Assert.Equal(user.UserId, failed.Json["data"]!["user_id"]!.GetValue<string>());
        Assert.Equal(1, failed.Json["data"]!["attempts"]!.GetValue<int>());

        var recoveryCode = confirmed.Json!["recovery_codes"]!.AsArray()[0]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, "/mfa/totp", new { recovery_code = recoveryCode }, user.AccessToken)).Status);
        var disabled = await receiver.WaitForAsync(r => r.Type == "mfa.disabled");
        Assert.Equal(user.UserId, disabled.Json["data"]!["user_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task RotateRedeliverPatchAndDelete()
    {
        await using var receiver = await WebhookReceiver.StartedAsync();
        await using var host = await ApiHost.StartAsync(backend, settings: new Dictionary<string, string?>(Fast) { ["Authsome:Webhooks:ResponseBodyLimit"] = "8" });
        using var client = host.CreateClient();
        receiver.ResponseBody = "a much longer answer than eight characters";
        var (admin, webhook) = await GivenWebhookAsync(host, client, receiver.Url, ["user.created"]);
        var id = webhook.Str("id")!;
        var newcomer = await client.SignUpAsync();
        var first = await receiver.WaitForAsync(r => r.Type == "user.created");
        var delivery = (await WaitForDeliveriesAsync(client, admin, id, d => d["status"]!.GetValue<string>() == "succeeded")).Single();
        Assert.Equal("a much l", delivery["response_body"]!.GetValue<string>());

        var rotated = await client.PostAsync($"/webhooks/{id}/rotate-secret", null, admin.AccessToken);
        Assert.Equal(HttpStatusCode.OK, rotated.Status);
        Assert.NotEqual(webhook.Str("secret"), rotated.Str("secret"));
        var redelivered = await client.PostAsync($"/webhooks/{id}/deliveries/{delivery["id"]!.GetValue<string>()}/redeliver", null, admin.AccessToken);
        Assert.Equal(HttpStatusCode.Accepted, redelivered.Status);
        var again = await receiver.WaitForAsync(r => r.Id == first.Id && !ReferenceEquals(r, first));
        new StandardWebhook(rotated.Str("secret")!).Verify(again.Body, again.Headers);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/webhooks/{id}/deliveries/{Id<WebhookDelivery>.New()}/redeliver", null, admin.AccessToken)).Status);

        var patched = await client.PatchAsync($"/webhooks/{id}", new { events = new[] { "user.deleted" }, active = false }, admin.AccessToken);
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.False(patched.Json!["active"]!.GetValue<bool>());
        Assert.Equal("user.deleted", patched.Json["events"]![0]!.GetValue<string>());
        Assert.Equal("validation_failed", (await client.PatchAsync($"/webhooks/{id}", new { events = new[] { "NOT valid" } }, admin.AccessToken)).Code);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/webhooks/{id}", admin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/webhooks/{id}", admin.AccessToken)).Status);
        Assert.Null(await host.Store.Webhooks.GetDeliveryAsync(Id<WebhookDelivery>.Parse(delivery["id"]!.GetValue<string>()), Ct));
        Assert.NotEmpty(newcomer.UserId);
    }

    [Fact]
    public async Task AdministeringWebhooksNeedsThePermission_AndAKeyNeedsTheScope()
    {
        await using var host = await ApiHost.StartAsync(backend, settings: Fast);
        using var client = host.CreateClient();
        var user = await client.SignUpAsync();
        var body = new { url = "https://hooks.example.com/in", events = new[] { "user.created" } };

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/webhooks", body)).Status);
        Assert.Equal("forbidden", (await client.PostAsync("/webhooks", body, user.AccessToken)).Code);
        Assert.Equal("forbidden", (await client.GetAsync("/webhooks", user.AccessToken)).Code);

        await Administrators.GrantAsync(host, user.UserId, "webhooks");
        var narrowKey = (await client.PostAsync("/keys", new { name = "read", scopes = new[] { "users:read" } }, user.AccessToken)).Str("secret");
        var adminKey = (await client.PostAsync("/keys", new { name = "hooks", scopes = new[] { "webhooks:*" } }, user.AccessToken)).Str("secret");

        Assert.Equal("forbidden", (await client.GetAsync("/webhooks", narrowKey)).Code);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/webhooks", body, adminKey)).Status);
        Assert.Single((await client.GetAsync("/webhooks", user.AccessToken)).Json!.AsArray());
    }

    [Fact]
    public async Task PrivateAndLoopbackTargetsAreRefused_UnlessAllowed()
    {
        await using var host = await ApiHost.StartAsync(backend);
        using var client = host.CreateClient();
        var admin = await client.SignUpAsync();
        await Administrators.GrantAsync(host, admin.UserId, "webhooks");

        foreach (var url in new[] { "http://127.0.0.1:9/hook", "http://localhost/hook", "http://10.1.2.3/", "http://169.254.169.254/latest", "http://[::1]/", "http://192.168.0.10/", "https://user:pw@hooks.example.com/", "ftp://hooks.example.com/", "not a url" })
        {
            var refused = await client.PostAsync("/webhooks", new { url, events = new[] { "user.created" } }, admin.AccessToken);
            Assert.True(refused.Code == "validation_failed", $"{url}: {refused.Text}");
        }

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/webhooks", new { url = "https://hooks.example.com/in", events = new[] { "*" } }, admin.AccessToken)).Status);
    }

    [Fact]
    public async Task OutsideDevelopmentOnlyHttpsIsAccepted()
    {
        await using var host = await ApiHost.StartAsync(backend, environment: "Production");
        using var client = host.CreateClient();
        var admin = await SignUpVerifiedAsync(host, client);
        await Administrators.GrantAsync(host, admin.UserId, "webhooks");

        Assert.Equal("validation_failed", (await client.PostAsync("/webhooks", new { url = "http://hooks.example.com/in", events = new[] { "user.created" } }, admin.AccessToken)).Code);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/webhooks", new { url = "https://hooks.example.com/in", events = new[] { "user.created" } }, admin.AccessToken)).Status);
    }

    [Fact]
    public async Task AnEndpointFailingLongEnoughIsDisabled_AndItsCreatorIsMailed()
    {
        await using var receiver = await WebhookReceiver.StartedAsync();
        receiver.StatusCode = 500;
        await using var host = await ApiHost.StartAsync(backend, settings: new Dictionary<string, string?>(Fast) { ["Authsome:Webhooks:DisableAfter"] = "00:00:01" });
        using var client = host.CreateClient();
        var (admin, webhook) = await GivenWebhookAsync(host, client, receiver.Url, ["user.created"]);

        await client.SignUpAsync();

        await host.Mail.WaitForAsync(admin.Email, "A webhook endpoint was disabled");
        var disabled = await client.GetAsync($"/webhooks/{webhook.Str("id")}", admin.AccessToken);
        Assert.False(disabled.Json!["active"]!.GetValue<bool>());
        Assert.NotNull(disabled.Json["failing_since"]);
        var deliveries = await WaitForDeliveriesAsync(client, admin, webhook.Str("id")!, d => d["status"]!.GetValue<string>() == "failed");
        Assert.True(deliveries.Single()["attempts"]!.GetValue<int>() >= 2);
        Assert.NotNull(deliveries.Single()["error"]);

        var enabled = await client.PatchAsync($"/webhooks/{webhook.Str("id")}", new { active = true }, admin.AccessToken);
        Assert.Null(enabled.Json!["failing_since"]);
    }

    protected static async Task<(SignedIn Admin, Answer Webhook)> GivenWebhookAsync(ApiHost host, ApiClient client, string url, string[] events)
    {
        var admin = await client.SignUpAsync();
        await Administrators.GrantAsync(host, admin.UserId, "webhooks");
        var webhook = await client.PostAsync("/webhooks", new { url, events }, admin.AccessToken);
        Assert.True(webhook.Status == HttpStatusCode.Created, webhook.Text);
        return (admin, webhook);
    }

    protected static async Task<IReadOnlyList<JsonNode>> WaitForDeliveriesAsync(ApiClient client, SignedIn admin, string webhookId, Func<JsonNode, bool> match)
    {
        ArgumentNullException.ThrowIfNull(client);
        for (var i = 0; i < 800; i++)
        {
            var page = await client.GetAsync($"/webhooks/{webhookId}/deliveries", admin.AccessToken);
            var items = page.Json!["items"]!.AsArray().Select(n => n!).ToList();
            if (items.Any(match))
            {
                return items;
            }

            await Task.Delay(25, Ct);
        }

        throw new TimeoutException("No delivery reached the expected state.");
    }

    private static async Task<SignedIn> SignUpVerifiedAsync(ApiHost host, ApiClient client)
    {
        var email = ApiClient.NewEmail();
        await client.PostAsync("/signup", new { email, password = ApiClient.Password });
        var token = CapturingEmailSender.TokenOf(await host.Mail.WaitForAsync(email, "Verify"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/verify-email", new { token })).Status);
        return await client.SignInAsync(email);
    }

    /// <summary>A six-digit code that is none of the codes accepted now (the current step and one either side).</summary>
    private static string WrongCode(string secret)
    {
        var now = DateTimeOffset.UtcNow;
        var accepted = new[] { -60, -30, 0, 30, 60 }.Select(s => Mfa.Rfc6238.Code(secret, now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !accepted.Contains(c));
    }

    private static string WrongSecret() => "whsec_" + Convert.ToBase64String(new byte[32]);
}

/// <summary>Durability: an event queued while the receiver is down survives an API restart (the store is the outbox).</summary>
public abstract class DurableWebhookTests(Backend backend) : WebhookTests(backend)
{
    [Fact]
    public async Task AnEventQueuedWhileTheReceiverIsDown_IsDeliveredAfterAnApiRestart()
    {
        await using var receiver = new WebhookReceiver();
        await using var host = await ApiHost.StartAsync(Backend, settings: new Dictionary<string, string?>
        {
            ["Authsome:Webhooks:AllowPrivateNetworks"] = "true",
            ["Authsome:Webhooks:PollInterval"] = "00:00:00.100",
            ["Authsome:Webhooks:InitialRetryDelay"] = "00:00:00.200",
            ["Authsome:Webhooks:MaxRetryDelay"] = "00:00:00.400",
        // Many quick attempts, so a slow machine cannot use them all up before the receiver is back.
        ["Authsome:Webhooks:MaxAttempts"] = "100",
        });
        using var client = host.CreateClient();
        var (admin, webhook) = await GivenWebhookAsync(host, client, receiver.Url, ["user.created"]);
        var newcomer = await client.SignUpAsync();
        await WaitForDeliveriesAsync(client, admin, webhook.Str("id")!, d => d["attempts"]!.GetValue<int>() >= 1);

        await host.RestartAsync();
        await receiver.StartAsync();

        using var after = host.CreateClient();
        var received = await receiver.WaitForAsync(r => r.Type == "user.created" && r.Json["data"]!["email"]!.GetValue<string>() == newcomer.Email);
        new StandardWebhook(webhook.Str("secret")!).Verify(received.Body, received.Headers);
        var delivered = await WaitForDeliveriesAsync(after, admin, webhook.Str("id")!, d => d["status"]!.GetValue<string>() == "succeeded");
        Assert.Single(delivered);
    }
}

public sealed class WebhookTestsOnMemory() : WebhookTests(Backend.Memory);

public sealed class WebhookTestsOnSqlite() : DurableWebhookTests(Backend.Sqlite);

public sealed class WebhookTestsOnPostgres() : DurableWebhookTests(Backend.Postgres);

public sealed class WebhookTestsOnMongo() : DurableWebhookTests(Backend.Mongo);
