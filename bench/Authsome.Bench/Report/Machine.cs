using System.Globalization;

namespace Authsome.Bench.Report;

/// <summary>The machine a run happened on, from <c>/proc</c>: figures mean little without it.</summary>
internal sealed record Machine(int Cores, string CpuModel, double MemoryGiB, string LoadAverage)
{
    public static Machine Read() => new(
        Environment.ProcessorCount,
        ProcField("/proc/cpuinfo", "model name") ?? "unknown CPU",
        ProcField("/proc/meminfo", "MemTotal") is { } total
            ? double.Parse(total.Split(' ')[0], CultureInfo.InvariantCulture) / (1024 * 1024)
            : double.NaN,
        ReadLoadAverage());

    /// <summary>The 1, 5 and 15 minute load averages: above the core count, other work shared the machine.</summary>
    public static string ReadLoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? ProcField(string file, string name) =>
        File.Exists(file)
            ? File.ReadLines(file)
                .Where(l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault()
            : null;
}
