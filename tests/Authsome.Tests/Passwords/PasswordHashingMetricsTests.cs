using System.Diagnostics.Metrics;
using Authsome.Passwords;

namespace Authsome.Tests.Passwords;

public sealed class PasswordHashingMetricsTests
{
    [Fact]
    public async Task RecordsDurationPerOperationAndAlgorithm()
    {
        using var meterFactory = new TestMeterFactory();
        var hasher = TestHashers.Create(meterFactory: meterFactory);
        var measurements = new List<(double Seconds, string? Operation, string? Algorithm)>();
        using var listener = Listen(meterFactory, PasswordHashingMetrics.DurationInstrument, (value, tags) =>
            measurements.Add((value, Tag(tags, PasswordHashingMetrics.OperationTag), Tag(tags, PasswordHashingMetrics.AlgorithmTag))));

        var hash = await hasher.HashAsync("a password", TestContext.Current.CancellationToken);
        await hasher.VerifyAsync("a password", hash, TestContext.Current.CancellationToken);
        await hasher.VerifyAsync("abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i", TestContext.Current.CancellationToken);
        await hasher.SimulateVerifyAsync("a password", TestContext.Current.CancellationToken);

        Assert.Equal(
            [("hash", "argon2id"), ("verify", "argon2id"), ("verify", "bcrypt"), ("simulate_verify", "argon2id")],
            measurements.Select(m => (m.Operation, m.Algorithm)).ToArray());
        Assert.All(measurements, m => Assert.True(m.Seconds > 0));
    }

    [Fact]
    public async Task CountsRefusedOperations()
    {
        using var meterFactory = new TestMeterFactory();
        using var gate = new PasswordHashingGate(maxConcurrent: 1, maxQueued: 0, TimeSpan.FromMinutes(1));
        var hasher = TestHashers.Create(gate: gate, meterFactory: meterFactory);
        var refused = new List<string?>();
        using var listener = Listen(meterFactory, PasswordHashingMetrics.RejectedInstrument, (_, tags) =>
            refused.Add(Tag(tags, PasswordHashingMetrics.OperationTag)));
        using var release = new ManualResetEventSlim();
        var holder = PasswordHashingGateTests.Hold(gate, release);

        await Assert.ThrowsAsync<PasswordHashingBusyException>(async () => await hasher.VerifyAsync("a password", "x", TestContext.Current.CancellationToken));

        release.Set();
        await holder;
        Assert.Equal(["verify"], refused);
    }

    private static MeterListener Listen(IMeterFactory scope, string instrumentName, Action<double, KeyValuePair<string, object?>[]> onMeasurement)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, scope) && instrument.Name == instrumentName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => onMeasurement(value, tags.ToArray()));
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => onMeasurement(value, tags.ToArray()));
        listener.Start();
        return listener;
    }

    private static string? Tag(KeyValuePair<string, object?>[] tags, string name) =>
        tags.FirstOrDefault(tag => tag.Key == name).Value as string;
}
