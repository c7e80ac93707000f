using Authsome.ApiKeys;
using Authsome.Store;
using Authsome.Store.Memory;
using Authsome.Store.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Authsome.Api.Tests.MachineAccess;

/// <summary>The background writer of API keys' last use, on its own.</summary>
public sealed class ApiKeyUsageTests
{
    [Fact]
    public async Task AStopCalledWhileAnotherIsWritingTheFinalFlush_ReturnsOnlyOnceItIsWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = new HeldTouchStore(new MemoryStore());
        using var usage = new ApiKeyUsage(store, Options.Create(new AuthsomeOptions()), TimeProvider.System, NullLogger<ApiKeyUsage>.Instance);
        await usage.StartAsync(ct);
        usage.Record(TestData.NewApiKey(Id<App>.New()), DateTimeOffset.UtcNow);

        // A host stopped twice at once disposes the store when the first stop returns: neither may return mid-write.
        var first = usage.StopAsync(ct);
        await store.ApiKeys.TouchStarted.WaitAsync(ct);
        var second = usage.StopAsync(ct);
        var returnedMidWrite = first.IsCompleted || second.IsCompleted;
        store.ApiKeys.FinishTouch();
        await Task.WhenAll(first, second);

        Assert.False(returnedMidWrite, "a stop returned while the final flush was still writing");
        Assert.Equal(1, store.ApiKeys.Touches);
    }

    /// <summary>A store whose last-used writes wait until the test lets them finish.</summary>
    private sealed class HeldTouchStore(IAuthsomeStore inner) : DelegatingStore(inner)
    {
        public override HeldTouchApiKeyStore ApiKeys { get; } = new(inner.ApiKeys);
    }

    private sealed class HeldTouchApiKeyStore(IApiKeyStore inner) : IApiKeyStore
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _touches;

        public Task TouchStarted => _started.Task;

        public int Touches => Volatile.Read(ref _touches);

        public void FinishTouch() => _finish.SetResult();

        public async ValueTask<bool> TouchAsync(Id<ApiKey> id, DateTimeOffset lastUsedAt, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _touches);
            _started.TrySetResult();
            await _finish.Task.WaitAsync(cancellationToken);
            return await inner.TouchAsync(id, lastUsedAt, cancellationToken);
        }

        public ValueTask CreateAsync(ApiKey apiKey, CancellationToken cancellationToken) => inner.CreateAsync(apiKey, cancellationToken);

        public ValueTask<ApiKey?> GetAsync(Id<ApiKey> id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

        public ValueTask<ApiKey?> GetByPrefixAsync(Id<App> appId, string keyPrefix, CancellationToken cancellationToken) => inner.GetByPrefixAsync(appId, keyPrefix, cancellationToken);

        public ValueTask<ApiKey?> GetByKeyHashAsync(SecretHash keyHash, CancellationToken cancellationToken) => inner.GetByKeyHashAsync(keyHash, cancellationToken);

        public ValueTask<ApiKey?> GetByPublicKeyAsync(string publicKey, CancellationToken cancellationToken) => inner.GetByPublicKeyAsync(publicKey, cancellationToken);

        public ValueTask UpdateAsync(ApiKey apiKey, CancellationToken cancellationToken) => inner.UpdateAsync(apiKey, cancellationToken);

        public ValueTask<bool> DeleteAsync(Id<ApiKey> id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);

        public ValueTask<IReadOnlyList<ApiKey>> ListByAppAsync(Id<App> appId, CancellationToken cancellationToken) => inner.ListByAppAsync(appId, cancellationToken);

        public ValueTask<IReadOnlyList<ApiKey>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) => inner.ListByUserAsync(userId, cancellationToken);
    }
}
