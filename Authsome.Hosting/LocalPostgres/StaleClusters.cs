using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Authsome.Hosting;

/// <summary>
/// Removes cluster directories (and stops their servers) left under the temporary root by
/// processes that were killed before they could clean up.
/// </summary>
internal static class StaleClusters
{
    /// <summary>A directory without an owner file is left alone this long: its owner may be writing it.</summary>
    private static readonly TimeSpan s_ownerlessGrace = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(20);

    public static async Task RemoveAsync(
        string parent, PostgresBinaries binaries, string? osUser, ILogger logger, CancellationToken cancellationToken)
    {
        List<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(parent, ClusterDirectory.Prefix + "*").ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var root in candidates)
        {
            var directory = ClusterDirectory.Existing(root);
            var owner = directory.ReadOwner();
            var abandoned = owner is { } pid
                ? !IsRunning(pid)
                : DateTime.UtcNow - Directory.GetLastWriteTimeUtc(root) > s_ownerlessGrace;
            if (!abandoned)
            {
                continue;
            }

            try
            {
                if (File.Exists(directory.PostmasterPidFile))
                {
                    await ToolRunner.RunAsync(
                        binaries.PgCtl,
                        ["stop", "--pgdata", directory.Data, "--mode", "immediate", "--wait", "--silent"],
                        osUser,
                        directory.Root,
                        s_stopTimeout,
                        cancellationToken);
                }

                directory.Delete();
                logger.StaleClusterRemoved(root, owner ?? 0);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or LocalPostgresException)
            {
                logger.StaleClusterRemovalFailed(root, exception);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
