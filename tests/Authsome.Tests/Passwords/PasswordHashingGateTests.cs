using Authsome.Passwords;

namespace Authsome.Tests.Passwords;

public sealed class PasswordHashingGateTests
{
    [Fact]
    public async Task NeverRunsMoreThanTheBoundAndRefusesBeyondTheQueue()
    {
        const int MaxConcurrent = 2;
        const int MaxQueued = 3;
        using var gate = new PasswordHashingGate(MaxConcurrent, MaxQueued, TimeSpan.FromMinutes(1));
        using var release = new ManualResetEventSlim();
        using var started = new SemaphoreSlim(0);
        var running = 0;
        var peak = 0;

        int Work()
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            started.Release();
            release.Wait(TestContext.Current.CancellationToken);
            Interlocked.Decrement(ref running);
            return now;
        }

        // Admission is counted synchronously, so the first five calls hold every running and waiting place.
        var admitted = Enumerable.Range(0, MaxConcurrent + MaxQueued)
            .Select(_ => gate.RunAsync(Work, TestContext.Current.CancellationToken).AsTask())
            .ToList();
        var refused = Enumerable.Range(0, 10)
            .Select(_ => gate.RunAsync(Work, TestContext.Current.CancellationToken).AsTask())
            .ToList();

        foreach (var task in refused)
        {
            await Assert.ThrowsAsync<PasswordHashingBusyException>(() => task);
        }

        // Both slots are taken before anything is let go, so the peak cannot be lower than the bound by chance.
        for (var i = 0; i < MaxConcurrent; i++)
        {
            await started.WaitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(MaxConcurrent, Volatile.Read(ref running));
        release.Set();
        await Task.WhenAll(admitted);
        Assert.Equal(MaxConcurrent, peak);
        Assert.All(admitted, task => Assert.InRange(task.Result, 1, MaxConcurrent));
    }

    [Fact]
    public async Task RefusesAWaiterWhenTheQueueTimeoutPasses()
    {
        using var gate = new PasswordHashingGate(maxConcurrent: 1, maxQueued: 1, TimeSpan.FromMilliseconds(50));
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var holder = gate.RunAsync(
            () =>
            {
                entered.Set();
                release.Wait(TestContext.Current.CancellationToken);
                return 0;
            },
            TestContext.Current.CancellationToken).AsTask();
        entered.Wait(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<PasswordHashingBusyException>(async () => await gate.RunAsync(() => 1, TestContext.Current.CancellationToken));

        release.Set();
        await holder;
        Assert.Equal(2, await gate.RunAsync(() => 2, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReleasesItsPlaceWhenAWaiterIsCancelled()
    {
        using var gate = new PasswordHashingGate(maxConcurrent: 1, maxQueued: 1, TimeSpan.FromMinutes(1));
        using var release = new ManualResetEventSlim();
        var holder = Hold(gate, release);
        using var cancellation = new CancellationTokenSource();

        var waiter = gate.RunAsync(() => true, cancellation.Token).AsTask();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);

        // The cancelled waiter's place is free again: another caller may queue.
        var next = gate.RunAsync(() => true, TestContext.Current.CancellationToken).AsTask();
        release.Set();
        await holder;
        Assert.True(await next);
    }

    [Fact]
    public async Task HasherRefusesWhenItsGateIsFull()
    {
        using var gate = new PasswordHashingGate(maxConcurrent: 1, maxQueued: 0, TimeSpan.FromMinutes(1));
        var hasher = TestHashers.Create(gate: gate);
        using var release = new ManualResetEventSlim();
        var holder = Hold(gate, release);

        await Assert.ThrowsAsync<PasswordHashingBusyException>(async () => await hasher.HashAsync("a password", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<PasswordHashingBusyException>(async () => await hasher.VerifyAsync("a password", "$argon2id$", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<PasswordHashingBusyException>(async () => await hasher.SimulateVerifyAsync("a password", TestContext.Current.CancellationToken));

        release.Set();
        await holder;
        Assert.StartsWith("$argon2id$", await hasher.HashAsync("a password", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BurstOfRealHashesGetsOnlyTheBoundedNumberThrough()
    {
        using var gate = new PasswordHashingGate(maxConcurrent: 1, maxQueued: 2, TimeSpan.FromMinutes(1));
        var hasher = TestHashers.Create(gate: gate);
        using var release = new ManualResetEventSlim();
        var holder = Hold(gate, release);

        var burst = Enumerable.Range(0, 20)
            .Select(i => hasher.HashAsync($"password {i}", TestContext.Current.CancellationToken).AsTask())
            .ToList();
        release.Set();
        await holder;
        var outcomes = await Task.WhenAll(burst.Select(async task =>
        {
            try
            {
                await task;
                return true;
            }
            catch (PasswordHashingBusyException)
            {
                return false;
            }
        }));

        Assert.Equal(2, outcomes.Count(hashed => hashed));
        Assert.Equal(18, outcomes.Count(hashed => !hashed));
    }

    [Fact]
    public async Task AdmittedRequests_HoldTheirPlaceUntilDisposed_AndTheirHashesAreNotCountedTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gate = new PasswordHashingGate(maxConcurrent: 1, maxQueued: 1, TimeSpan.FromMinutes(1));

        var first = await AdmitWithTurnAsync(gate, ct);
        var second = await AdmitWithTurnAsync(gate, ct);
        Assert.Null(await (await GateAdmissions.StartAsync(gate, ct)));
        await Assert.ThrowsAsync<PasswordHashingBusyException>(async () => await gate.RunAsync(() => 1, ct));

        second.Dispose();
        second.Dispose();
        var hashed = await Task.Run(
            async () =>
            {
                using var admission = await gate.AdmitRequestAsync(ct);
                Assert.True(admission?.HasTurn);
                Assert.Null(await (await GateAdmissions.StartAsync(gate, ct)));

                // Full to everyone else, yet the admitted request's own hash runs: its place was taken up front.
                return await gate.RunAsync(() => 2, ct);
            },
            ct);
        Assert.Equal(2, hashed);
        first.Dispose();
        Assert.NotNull(await (await GateAdmissions.StartAsync(gate, ct)));
    }

    [Fact]
    public async Task AdmittedRequests_WorkTwiceTheHashingBoundAtATime_AndTheRestWaitForATurn()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gate = new PasswordHashingGate(maxConcurrent: 1, maxQueued: 3, TimeSpan.FromMinutes(1));
        var first = await AdmitWithTurnAsync(gate, ct);
        var second = await AdmitWithTurnAsync(gate, ct);
        var third = await GateAdmissions.StartAsync(gate, ct);
        var fourth = await GateAdmissions.StartAsync(gate, ct);
        Assert.False(third.IsCompleted);

        // A turn passes on when its request ends, and only then; ending twice gives back nothing more.
        first.Dispose();
        first.Dispose();
        using var thirdAdmission = await third;
        Assert.True(thirdAdmission?.HasTurn);
        Assert.False(fourth.IsCompleted);
        second.Dispose();
        using var fourthAdmission = await fourth;
        Assert.True(fourthAdmission?.HasTurn);
    }

    [Fact]
    public async Task AnAdmittedRequest_WithoutATurnWithinTheQueueTimeout_IsToldSo_AndFreesItsPlace()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gate = new PasswordHashingGate(maxConcurrent: 1, maxQueued: 2, TimeSpan.FromMilliseconds(500));
        using var first = await AdmitWithTurnAsync(gate, ct);
        using var second = await AdmitWithTurnAsync(gate, ct);
        var late = await GateAdmissions.StartAsync(gate, ct);
        Assert.Null(await (await GateAdmissions.StartAsync(gate, ct)));

        Assert.False((await late)?.HasTurn);

        // Its place is free, and no turn was given back that it never had: the next request still waits, in vain.
        var next = await (await GateAdmissions.StartAsync(gate, ct));
        Assert.False(next?.HasTurn);
        Assert.NotNull(await (await GateAdmissions.StartAsync(gate, ct)));
    }

    [Fact]
    public async Task AnAdmittedRequestCancelledWhileWaitingForItsTurn_FreesItsPlace()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gate = new PasswordHashingGate(maxConcurrent: 1, maxQueued: 2, TimeSpan.FromMinutes(1));
        var first = await AdmitWithTurnAsync(gate, ct);
        using var second = await AdmitWithTurnAsync(gate, ct);
        using var aborted = new CancellationTokenSource();
        var waiting = await GateAdmissions.StartAsync(gate, aborted.Token);

        await aborted.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        // Had the cancelled request kept its place, the gate would be full now.
        var next = await GateAdmissions.StartAsync(gate, ct);
        first.Dispose();
        using var nextAdmission = await next;
        Assert.True(nextAdmission?.HasTurn);
    }

    private static async Task<RequestAdmission> AdmitWithTurnAsync(PasswordHashingGate gate, CancellationToken cancellationToken)
    {
        var admission = await (await GateAdmissions.StartAsync(gate, cancellationToken));
        Assert.NotNull(admission);
        Assert.True(admission.HasTurn);
        return admission;
    }

    // Takes a slot of the gate until the event is set.
    internal static Task<bool> Hold(PasswordHashingGate gate, ManualResetEventSlim release) =>
        gate.RunAsync(
            () =>
            {
                release.Wait(TestContext.Current.CancellationToken);
                return true;
            },
            TestContext.Current.CancellationToken).AsTask();

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
