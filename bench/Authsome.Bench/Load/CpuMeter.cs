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

    public static int ReadPostmasterPid(string dataDirectory) =>
        int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    private static TimeSpan ChildrenOf(int parent)
    {
        var total = TimeSpan.Zero;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            var stat = ReadStat(pid);
            if (stat.Length > 1 && stat[1] == parent.ToString(CultureInfo.InvariantCulture))
            {
                total += Ticks(stat, withChildren: false);
            }
        }

        return total;
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
