using Authsome.Api.Tests.Infrastructure;
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
        var returnedMidWrite = await StoppedTwice.AStopReturnedWhileHeldAsync(() => usage.StopAsync(ct), store.TouchStarted, store.FinishTouch, ct);

        Assert.False(returnedMidWrite, "a stop returned while the final flush was still writing");
        Assert.Equal(1, store.Touches);
    }

    /// <summary>A store whose last-used writes wait until the test lets them finish.</summary>
    private sealed class HeldTouchStore : DelegatingStore
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _touches;

        public HeldTouchStore(IAuthsomeStore inner)
            : base(inner) =>
            ApiKeys = StoreCallInterceptor.Wrap(inner.ApiKeys, nameof(IApiKeyStore.TouchAsync), touch => HoldTouchAsync(touch));

        public override IApiKeyStore ApiKeys { get; }

        public Task TouchStarted => _started.Task;

        public int Touches => Volatile.Read(ref _touches);

        public void FinishTouch() => _finish.SetResult();

        private async ValueTask<bool> HoldTouchAsync(StoreCall touch)
        {
            Interlocked.Increment(ref _touches);
            _started.TrySetResult();
            await _finish.Task.WaitAsync(touch.CancellationToken);
            return await (ValueTask<bool>)touch.Proceed()!;
        }
    }
}
