using System.Diagnostics.Metrics;

namespace Authsome.Passwords;

/// <summary>
/// Password hashing instruments on the <c>Authsome</c> meter: how long each hash or verification takes, and how
/// many were refused because the hashing gate was full.
/// </summary>
internal sealed class PasswordHashingMetrics
{
    /// <summary>The meter name shared by every Authsome component.</summary>
    public const string MeterName = "Authsome";

    public const string DurationInstrument = "authsome.password.hash.duration";
    public const string RejectedInstrument = "authsome.password.hash.rejected";
    public const string OperationTag = "authsome.password.operation";
    public const string AlgorithmTag = "authsome.password.algorithm";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _rejected;

    public PasswordHashingMetrics(IMeterFactory meterFactory)
    {
        // The factory owns (and disposes) the meter, and hands back the same one to every caller of this name.
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>(
            DurationInstrument,
            unit: "s",
            description: "Time spent computing one password hash or verification, excluding the wait for a slot.");
        _rejected = meter.CreateCounter<long>(
            RejectedInstrument,
            unit: "{operation}",
            description: "Password hash operations refused because too many were running or waiting.");
    }

    public void RecordDuration(PasswordOperation operation, string algorithm, TimeSpan elapsed) =>
        _duration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(OperationTag, operation.ToTagValue()),
            new KeyValuePair<string, object?>(AlgorithmTag, algorithm));

    public void RecordRejected(PasswordOperation operation) =>
        _rejected.Add(1, new KeyValuePair<string, object?>(OperationTag, operation.ToTagValue()));
}

/// <summary>What a password hash operation was for; a metric tag and a log field.</summary>
internal enum PasswordOperation
{
    Hash,
    Verify,
    SimulateVerify,
}

internal static class PasswordOperationExtensions
{
    public static string ToTagValue(this PasswordOperation operation) => operation switch
    {
        PasswordOperation.Hash => "hash",
        PasswordOperation.Verify => "verify",
        PasswordOperation.SimulateVerify => "simulate_verify",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
