using System.Runtime;

namespace Authsome.Bench.Load;

/// <summary>
/// Keeps the driver's own garbage collector out of a paced run: a collection in this process stalls the client, and
/// a fixed-rate client counts the stall as the API's latency (a gen2 collection of the driver once put 66 % of a
/// run's slowest 1 % into one 100 ms window). The client allocates a few megabytes in a run, far under the budget.
/// </summary>
internal static class ClientCollections
{
    private const long Budget = 200L * 1024 * 1024;

    /// <summary>Collects now, then allows no collection until disposed (if the runtime grants the budget; otherwise nothing changes).</summary>
    public static IDisposable Paused()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        bool started;
        try
        {
            started = GC.TryStartNoGCRegion(Budget);
        }
        catch (ArgumentOutOfRangeException)
        {
            started = false;
        }

        return new Region(started);
    }

    private sealed class Region(bool started) : IDisposable
    {
        public void Dispose()
        {
            // Allocating past the budget ends the region with a collection; then there is nothing left to end.
            if (started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }
}
