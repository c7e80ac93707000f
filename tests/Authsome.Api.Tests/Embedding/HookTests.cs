using System.Collections.Concurrent;
using System.Net;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Hooks;
using Authsome.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Api.Tests.Embedding;

public sealed class HookTests
{
    [Fact]
    public async Task ABeforeHookRefusesWithItsReasonAndNothingIsCreated()
    {
        await using var app = await EmbeddingHost.StartAsync(a => a.UseMemory().AddPassword().AddHooks<RecordingHooks>(), _ => { });
        using var client = app.Client();

        var refused = await client.PostAsync("/signup", new { email = ApiClient.NewEmail("blocked"), password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("request_refused", refused.Code);
        Assert.Equal("Sign-ups from this address are closed.", refused.Str("detail"));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/signup", new { email = ApiClient.NewEmail(), password = ApiClient.Password })).Status);
    }

    [Fact]
    public async Task AFailingAfterHookIsLoggedAndTheRequestSucceeds()
    {
        await using var app = await EmbeddingHost.StartAsync(a => a.UseMemory().AddPassword().AddHooks<RecordingHooks>(), _ => { });
        using var client = app.Client();
        var session = await client.SignUpAsync();

        var signedIn = await client.PostAsync("/signin", new { email = session.Email, password = ApiClient.Password });
        await client.PostAsync("/signout", null, signedIn.Str("session_token"));

        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
        var hooks = Assert.Single(app.Services.GetServices<IAuthsomeHooks>().OfType<RecordingHooks>());
        Assert.Contains(nameof(IAuthsomeHooks.AfterSignUpAsync), hooks.Calls);
        Assert.Contains(nameof(IAuthsomeHooks.AfterUserCreateAsync), hooks.Calls);
        Assert.Contains(nameof(IAuthsomeHooks.AfterSessionCreateAsync), hooks.Calls);
        Assert.Contains(nameof(IAuthsomeHooks.AfterSignInAsync), hooks.Calls);
        Assert.Contains(nameof(IAuthsomeHooks.AfterSignOutAsync), hooks.Calls);
        Assert.Contains(nameof(IAuthsomeHooks.AfterSessionsRevokedAsync), hooks.Calls);
    }

    [Fact]
    public async Task MapAuthsomeWithoutUseAuthsomeFailsWithAClearMessage()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddAuthsome(a => a.UseMemory());
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapAuthsome());

        Assert.Contains("app.UseAuthsome()", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingHooks : IAuthsomeHooks
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public ValueTask<HookResult> BeforeSignUpAsync(SignUpHookContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(context.Email.StartsWith("blocked", StringComparison.Ordinal) ? HookResult.Refuse("Sign-ups from this address are closed.") : HookResult.Continue);

        public ValueTask AfterSignUpAsync(User user, CancellationToken cancellationToken) => Record(nameof(AfterSignUpAsync));

        public ValueTask AfterUserCreateAsync(User user, CancellationToken cancellationToken) => Record(nameof(AfterUserCreateAsync));

        public ValueTask AfterSessionCreateAsync(Session session, CancellationToken cancellationToken) => Record(nameof(AfterSessionCreateAsync));

        public ValueTask AfterSignInAsync(User user, Session session, CancellationToken cancellationToken)
        {
            Calls.Enqueue(nameof(AfterSignInAsync));
            throw new InvalidOperationException("This after-hook always fails.");
        }

        public ValueTask AfterSignOutAsync(Session session, CancellationToken cancellationToken) => Record(nameof(AfterSignOutAsync));

        public ValueTask AfterSessionsRevokedAsync(Id<User> userId, string reason, CancellationToken cancellationToken) => Record(nameof(AfterSessionsRevokedAsync));

        private ValueTask Record(string name)
        {
            Calls.Enqueue(name);
            return ValueTask.CompletedTask;
        }
    }
}
