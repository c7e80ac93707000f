using System.Globalization;

namespace Authsome.Bench.Load;

/// <summary>
/// CPU time spent by the API process and by the PostgreSQL cluster (the postmaster, its live children, and the
/// children that already exited, which the kernel adds to the postmaster's own account), read from <c>/proc</c>.
/// On a shared machine, CPU time per request moves far less than requests per second: it does not count the time a
/// process waited for a core.
/// </summary>
internal sealed class CpuMeter(int apiPid, int postmasterPid)
{
    // USER_HZ: the unit of /proc/<pid>/stat's times, 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100;

    public CpuSample Sample() => new(
        apiPid == 0 ? TimeSpan.Zero : Ticks(ReadStat(apiPid), withChildren: false),
        Ticks(ReadStat(postmasterPid), withChildren: true) + ChildrenOf(postmasterPid));

    /// <summary>
    /// A cheaper sample for sampling often: the API, and the cluster counted over <paramref name="databasePids"/> (the
    /// postmaster and the children it had when the list was made; children started later are not counted).
    /// </summary>
    public CpuSample SampleKnown(IReadOnlyList<int> databasePids) => new(
        apiPid == 0 ? TimeSpan.Zero : Ticks(ReadStat(apiPid), withChildren: false),
        databasePids.Aggregate(TimeSpan.Zero, (total, pid) => total + Ticks(ReadStat(pid), withChildren: false)));

    /// <summary>The postmaster and its children now.</summary>
    public IReadOnlyList<int> DatabasePids() => [postmasterPid, .. ChildPids(postmasterPid)];

    /// <summary>CPU time every core of the machine spent busy (not idle, not waiting for I/O), from <c>/proc/stat</c>.</summary>
    public static TimeSpan MachineBusy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already in user).
        return TimeSpan.FromSeconds((fields.Take(8).Sum() - fields[3] - fields[4]) / TicksPerSecond);
    }

    public static int ReadPostmasterPid(string dataDirectory) =>
        int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    private static TimeSpan ChildrenOf(int parent) =>
        ChildPids(parent).Aggregate(TimeSpan.Zero, (total, pid) => total + Ticks(ReadStat(pid), withChildren: false));

    private static IEnumerable<int> ChildPids(int parent)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ReadStat(pid) is { Length: > 1 } stat
                && stat[1] == parent.ToString(CultureInfo.InvariantCulture))
            {
                yield return pid;
            }
        }
    }

    /// <summary>The fields after the command name (which may hold spaces), so index 0 is the state; empty when the process is gone.</summary>
    private static string[] ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    // utime, stime, cutime, cstime are fields 14-17 of the line: 11-14 after the command name.
    private static TimeSpan Ticks(string[] stat, bool withChildren)
    {
        if (stat.Length < 15)
        {
            return TimeSpan.Zero;
        }

        var ticks = long.Parse(stat[11], CultureInfo.InvariantCulture) + long.Parse(stat[12], CultureInfo.InvariantCulture);
        if (withChildren)
        {
            ticks += long.Parse(stat[13], CultureInfo.InvariantCulture) + long.Parse(stat[14], CultureInfo.InvariantCulture);
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}

/// <summary>CPU time used so far by the API and by the database.</summary>
internal readonly record struct CpuSample(TimeSpan Api, TimeSpan Database)
{
    public static CpuSample operator -(CpuSample after, CpuSample before) => new(after.Api - before.Api, after.Database - before.Database);
}
