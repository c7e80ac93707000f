using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using Authsome.Api.Tests.Embedding;
using Authsome.Api.Tests.Infrastructure;
using Authsome.Plugins.Password.History;
using Authsome.Store;
using Authsome.Store.Memory;
using Authsome.Store.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Authsome.Api.Tests.Passwords;

/// <summary>Where the password history lives: in the store, whatever the store is.</summary>
public sealed class PasswordHistoryStoreTests
{
    private const string Second = "Second-Secret-77";
    private const string Third = "Third-Secret-88";

    [Fact]
    public async Task ACustomStoreWithoutThePasswordHistoryStopsTheStartNamingIt()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            EmbeddingHost.StartAsync(a => a.UseStore(_ => new DelegatingStore(new MemoryStore())).AddPassword(), _ => { }));

        Assert.Contains("password plugin", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(IPasswordHistoryStore), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACustomStoreWithoutThePasswordHistoryRunsWhenTheHistoryIsOff()
    {
        await using var app = await EmbeddingHost.StartAsync(
            a => a.UseStore(_ => new DelegatingStore(new MemoryStore())).AddPassword(), _ => { },
            new Dictionary<string, string?> { ["Authsome:Password:HistoryLength"] = "0" });
        using var client = app.Client();
        var session = await client.SignUpAsync();

        var changed = await client.PostAsync("/change-password", new { current_password = ApiClient.Password, new_password = Second }, session.AccessToken);
        var back = await client.PostAsync("/change-password", new { current_password = Second, new_password = ApiClient.Password }, session.AccessToken);

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal(HttpStatusCode.OK, back.Status);
    }

    [Fact]
    public async Task ACustomStoreThatKeepsThePasswordHistoryRefusesARecentPassword()
    {
        var store = new OwnHistoryStore(new MemoryStore());
        await using var app = await EmbeddingHost.StartAsync(a => a.UseStore(_ => store).AddPassword(), _ => { });

        await AssertRecentPasswordRefusedAsync(app.Client());

        Assert.Equal(2, store.Recorded);
    }

    [Fact]
    public async Task AnInMemorySqliteStoreKeepsThePasswordHistory()
    {
        await using var app = await EmbeddingHost.StartAsync(a => a.UseSqlite("Data Source=:memory:").AddPassword(), _ => { });

        await AssertRecentPasswordRefusedAsync(app.Client());
    }

    // The first password, changed twice, is then only in the history (not the current hash), and still refused.
    private static async Task AssertRecentPasswordRefusedAsync(ApiClient client)
    {
        using (client)
        {
            var session = await client.SignUpAsync();
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/change-password", new { current_password = ApiClient.Password, new_password = Second }, session.AccessToken)).Status);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/change-password", new { current_password = Second, new_password = Third }, session.AccessToken)).Status);

            var reused = await client.PostAsync("/change-password", new { current_password = Third, new_password = ApiClient.Password }, session.AccessToken);

            Assert.Equal("password_reused", reused.Code);
        }
    }

    /// <summary>A custom store with a password history of its own making.</summary>
    private sealed class OwnHistoryStore(IAuthsomeStore inner) : DelegatingStore(inner), IPasswordHistoryStore
    {
        private readonly ConcurrentDictionary<Id<User>, ImmutableList<PasswordHistoryEntry>> _history = new();
        private int _recorded;

        public int Recorded => _recorded;

        public ValueTask<IReadOnlyList<PasswordHistoryEntry>> GetRecentAsync(Id<User> userId, int count, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<PasswordHistoryEntry>>(_history.TryGetValue(userId, out var entries) ? [.. entries.Take(count)] : []);

        public ValueTask AddAsync(Id<User> userId, PasswordHistoryEntry entry, int keep, CancellationToken cancellationToken)
        {
            _history.AddOrUpdate(userId, _ => [entry], (_, entries) => [.. entries.Insert(0, entry).Take(keep)]);
            Interlocked.Increment(ref _recorded);
            return ValueTask.CompletedTask;
        }
    }
}
