using System.Diagnostics;
using System.Globalization;

namespace Authsome.Bench.Load;

/// <summary>
/// Who used the cores, 100 ms at a time, during a paced run: the API, PostgreSQL, the driver itself, and everything
/// else on the machine. A paced run's tail that sits in one window is a stall; this says whose (the figures are in
/// the kernel's 10 ms ticks, so a window reads to about 10 ms). PostgreSQL is its processes when sampling began: a
/// worker it starts later (autovacuum) counts as anything else.
/// </summary>
internal sealed class CpuTimeline : IAsyncDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(100);

    private readonly List<(TimeSpan At, Usage Used)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private CpuTimeline(CpuMeter cpu)
    {
        var databasePids = cpu.DatabasePids();
        var started = Stopwatch.GetTimestamp();
        var driver = Process.GetCurrentProcess();
        _sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(Window);
            do
            {
                driver.Refresh();
                var sample = cpu.SampleKnown(databasePids);
                _samples.Add((Stopwatch.GetElapsedTime(started), new Usage(sample.Api, sample.Database, driver.TotalProcessorTime, CpuMeter.MachineBusy())));
            }
            while (await WaitAsync(timer));
        });
    }

    /// <summary>Starts sampling now; the run's windows count from here.</summary>
    public static CpuTimeline Start(CpuMeter cpu) => new(cpu);

    /// <summary>
    /// The CPU each used in the window that starts at <paramref name="windowStart"/>, beside each one's median over the
    /// run's windows; null when nothing was sampled. Call after <see cref="StopAsync"/>.
    /// </summary>
    public string? Describe(TimeSpan windowStart)
    {
        var windows = _samples.Zip(_samples.Skip(1), (from, to) => (from.At, Used: to.Used - from.Used)).ToList();
        if (windows.Count == 0)
        {
            return null;
        }

        var fullest = windows.MinBy(w => (w.At - windowStart).Duration());
        var median = new Usage(
            Median(windows.Select(w => w.Used.Api)), Median(windows.Select(w => w.Used.Database)),
            Median(windows.Select(w => w.Used.Driver)), Median(windows.Select(w => w.Used.Machine)));
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU in the 100 ms from {fullest.At.TotalSeconds:0.0} s: {fullest.Used} (medians over the run's windows: {median})");
    }

    /// <summary>Stops sampling; <see cref="Describe"/> reads the samples after this.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _sampling;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>CPU used: by the API, by PostgreSQL's processes, by the driver, and by every core of the machine.</summary>
    private readonly record struct Usage(TimeSpan Api, TimeSpan Database, TimeSpan Driver, TimeSpan Machine)
    {
        public static Usage operator -(Usage after, Usage before) =>
            new(after.Api - before.Api, after.Database - before.Database, after.Driver - before.Driver, after.Machine - before.Machine);

        public override string ToString()
        {
            var other = Machine - Api - Database - Driver;
            return string.Create(CultureInfo.InvariantCulture,
                $"API {Api.TotalMilliseconds:0} ms, PostgreSQL {Database.TotalMilliseconds:0} ms, driver {Driver.TotalMilliseconds:0} ms, anything else {Math.Max(0, other.TotalMilliseconds):0} ms");
        }
    }
}
