using System.Net;
using Authsome.Api.Tests.Embedding;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Store;
using Authsome.Store.Memory;
using Authsome.Store.Sqlite;
using Authsome.Store.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Api.Tests.MachineAccess;

/// <summary>
/// A change and the outbox rows it causes commit together: a store that cannot write the webhook delivery or the
/// mail of a sign-up leaves no user behind, and a sign-up that succeeds has both. These fail if the outbox were
/// written after the change's commit (the user would stay) or its failure swallowed (the sign-up would succeed).
/// </summary>
public abstract class TransactionalOutboxTests
{
    // A wrapping store is not a plugin store host; the password history is a plugin sub-store, so it is off here.
    private static readonly Dictionary<string, string?> Settings = new() { ["Authsome:Password:HistoryLength"] = "0" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IAuthsomeStore CreateInnerStore();

    [Fact]
    public async Task ASignUpWhoseWebhookDeliveryCannotBeWritten_FailsAndLeavesNoUser()
    {
        await using var fixture = await StartAsync();
        await fixture.SubscribeAsync("user.created");
        fixture.Store.FailDeliveries = true;

        var email = ApiClient.NewEmail();
        var answer = await fixture.Client.PostAsync("/signup", new { email, password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Null(await fixture.FindUserAsync(email));
    }

    [Fact]
    public async Task ASignUpWhoseVerificationMailCannotBeWritten_FailsAndLeavesNoUser()
    {
        await using var fixture = await StartAsync();
        await fixture.SubscribeAsync("user.created");
        fixture.Store.FailMail = true;

        var email = ApiClient.NewEmail();
        var answer = await fixture.Client.PostAsync("/signup", new { email, password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Null(await fixture.FindUserAsync(email));
        Assert.Empty(await fixture.DeliveriesAsync());
    }

    [Fact]
    public async Task ASignInWhoseWebhookDeliveryCannotBeWritten_FailsAndLeavesNoSession()
    {
        await using var fixture = await StartAsync();
        var user = await fixture.Client.SignUpAsync();
        var before = await fixture.Store.Sessions.ListByUserAsync(Id<User>.Parse(user.UserId), Ct);
        await fixture.SubscribeAsync("user.signed_in");
        fixture.Store.FailDeliveries = true;

        var answer = await fixture.Client.PostAsync("/signin", new { email = user.Email, password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Equal(before.Count, (await fixture.Store.Sessions.ListByUserAsync(Id<User>.Parse(user.UserId), Ct)).Count);
        fixture.Store.FailDeliveries = false;
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.PostAsync("/signin", new { email = user.Email, password = ApiClient.Password })).Status);
        Assert.Single(await fixture.DeliveriesAsync(), d => d.EventType == "user.signed_in");
    }

    [Fact]
    public async Task ASignUpThatSucceeds_HasItsDeliveryAndItsMail()
    {
        await using var fixture = await StartAsync();
        await fixture.SubscribeAsync("user.created");

        var user = await fixture.Client.SignUpAsync();

        var delivery = Assert.Single(await fixture.DeliveriesAsync());
        Assert.Equal("user.created", delivery.EventType);
        Assert.Contains(user.UserId, delivery.Payload, StringComparison.Ordinal);
        var mail = await fixture.Store.Notifications.ListByUserAsync(Id<User>.Parse(user.UserId), new PageRequest(null, 10), Ct);
        Assert.Single(mail.Items, n => n.Type == "verify_email");
    }

    private async Task<Fixture> StartAsync()
    {
        var store = new OutboxFaultStore(CreateInnerStore());
        var app = await EmbeddingHost.StartAsync(a => a.UseStore(_ => store).AddPassword(), _ => { }, Settings);
        var client = app.Client();
        // The first account settles which app and environment this host serves.
        var first = await client.SignUpAsync();
        var seed = (await store.Users.GetAsync(Id<User>.Parse(first.UserId), Ct))!;
        return new Fixture(app, client, store, seed);
    }

    private sealed class Fixture(WebApplication app, ApiClient client, OutboxFaultStore store, User seed) : IAsyncDisposable
    {
        private Webhook? _webhook;

        public ApiClient Client => client;

        public OutboxFaultStore Store => store;

        public async Task SubscribeAsync(string eventType)
        {
            _webhook = TestData.NewWebhook(seed.AppId) with { Events = [eventType] };
            await store.Webhooks.CreateAsync(_webhook, Ct);
        }

        public ValueTask<User?> FindUserAsync(string email) => store.Users.GetByEmailAsync(seed.AppId, seed.EnvId, email, Ct);

        public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync() =>
            (await store.Webhooks.ListDeliveriesAsync(_webhook!.Id, new PageRequest(null, 100), Ct)).Items;

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await app.DisposeAsync();
        }
    }

    /// <summary>A store whose outbox writes (webhook deliveries, mail) can be made to fail, as a database refusing them would.</summary>
    private sealed class OutboxFaultStore : DelegatingStore
    {
        public OutboxFaultStore(IAuthsomeStore inner)
            : base(inner)
        {
            Webhooks = StoreCallInterceptor.Wrap(inner.Webhooks, nameof(IWebhookStore.CreateDeliveriesAsync), call => FailDeliveries ? Refused() : call.Proceed());
            Notifications = StoreCallInterceptor.Wrap(inner.Notifications, nameof(INotificationStore.CreateAsync), call => FailMail ? Refused() : call.Proceed());
        }

        public bool FailDeliveries { get; set; }

        public bool FailMail { get; set; }

        public override IWebhookStore Webhooks { get; }

        public override INotificationStore Notifications { get; }

        private static ValueTask Refused() => ValueTask.FromException(new StoreUnavailableException("The outbox write was refused (test)."));
    }
}

public sealed class TransactionalOutboxTestsOnMemory : TransactionalOutboxTests
{
    protected override IAuthsomeStore CreateInnerStore() => new MemoryStore();
}

public sealed class TransactionalOutboxTestsOnSqlite : TransactionalOutboxTests
{
    protected override IAuthsomeStore CreateInnerStore() => new SqliteStore("Data Source=:memory:");
}
