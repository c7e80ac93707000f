using System.Diagnostics;

namespace Authsome.AppHost;

/// <summary>
/// Whether containers can start here: the runtime Aspire would use (<c>ASPIRE_CONTAINER_RUNTIME</c>, else
/// <c>docker</c>) answers <c>info</c>, which needs its daemon, within a few seconds. A CLI without a daemon is not healthy.
/// </summary>
internal static class ContainerRuntime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    public static bool IsHealthy(string? configuredRuntime)
    {
        var runtime = string.IsNullOrWhiteSpace(configuredRuntime) ? "docker" : configuredRuntime;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(s_timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
