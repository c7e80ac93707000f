namespace Authsome.Bench.Load;

/// <summary>What one load run measured.</summary>
/// <param name="Requests">Completed requests (wrk) or transactions (pgbench).</param>
/// <param name="Elapsed">How long the measured run lasted.</param>
/// <param name="P50">Median latency.</param>
/// <param name="P99">99th percentile latency.</param>
/// <param name="Errors">Non-2xx responses plus socket errors and timeouts (wrk), or failed transactions (pgbench).</param>
/// <param name="Statuses">Responses per HTTP status, when the scenario counted them (the storm); otherwise empty.</param>
internal sealed record LoadResult(
    long Requests,
    TimeSpan Elapsed,
    TimeSpan P50,
    TimeSpan P99,
    long Errors,
    IReadOnlyDictionary<int, long> Statuses)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public long Count(Func<int, bool> status) => Statuses.Where(p => status(p.Key)).Sum(p => p.Value);
}
