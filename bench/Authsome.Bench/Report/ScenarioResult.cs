using Authsome.Bench.Hashing;
using Authsome.Bench.Load;

namespace Authsome.Bench.Report;

/// <summary>One row of the results table.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="Connections">Concurrent connections (wrk) or clients (pgbench).</param>
/// <param name="Load">The measurement.</param>
/// <param name="PeakMemoryBytes">The API's peak RSS during the run; null for runs that do not involve the API.</param>
/// <param name="Cpu">CPU time the API and PostgreSQL spent during the run.</param>
/// <param name="ComparedWith">The limit the row is a fraction of, in words; null when the row is itself a reference.</param>
/// <param name="Ratio">The row's requests per second divided by that limit.</param>
internal sealed record ScenarioResult(
    string Name,
    int Connections,
    LoadResult Load,
    long? PeakMemoryBytes,
    CpuSample Cpu,
    string? ComparedWith = null,
    double? Ratio = null)
{
    /// <summary>Connections the API's pool held open right after the run; null for pgbench rows.</summary>
    public int? ApiConnections { get; init; }

    /// <summary>The hashing limit measured right before and right after the measured run, or null when the row has none.</summary>
    public LimitBeside? LimitBeside { get; init; }

    /// <summary>What else was recorded during the run (the paced run's runtime counters), or null.</summary>
    public string? Notes { get; init; }

    /// <summary>Whether the API took part (pgbench rows have no API).</summary>
    public bool HasApi => PeakMemoryBytes is not null;

    /// <summary>Answers with a 2xx status; every request when the run did not count statuses.</summary>
    public long Successes => Load.Statuses.Count == 0 ? Load.Requests : Load.Count(s => s is >= 200 and < 300);

    /// <summary>
    /// What a storm compares with the hashing limit: most of its answers are quick refusals, and their cost lands on the sign-ins that succeed.
    /// </summary>
    public double SuccessesPerSecond => Successes / Load.Elapsed.TotalSeconds;

    /// <summary>The API's CPU per successful answer (per request when statuses were not counted).</summary>
    public TimeSpan ApiCpuPerSuccess => Cpu.Api / Math.Max(1, Successes);

    public TimeSpan ApiCpuPerRequest => Load.Requests == 0 ? TimeSpan.Zero : Cpu.Api / Load.Requests;

    public TimeSpan DatabaseCpuPerRequest => Load.Requests == 0 ? TimeSpan.Zero : Cpu.Database / Load.Requests;
}
