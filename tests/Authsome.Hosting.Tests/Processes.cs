using System.Globalization;

namespace Authsome.Hosting.Tests;

/// <summary>Looks at processes through /proc, where a zombie (exited, not yet reaped) counts as gone.</summary>
internal static class Processes
{
    public static int PostmasterPid(string dataDirectory)
    {
        var firstLine = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First();
        return int.Parse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static async Task<bool> EndsWithinAsync(int pid, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50, cancellationToken);
        }

        return true;
    }
}
