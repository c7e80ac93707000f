using System.Runtime.InteropServices;

namespace Authsome.AppHost.Orchestration;

/// <summary>Sends a child process the signal a terminal sends on Ctrl+C, so it can shut down gracefully.</summary>
internal static partial class Signals
{
    private const int SigInt = 2;

    /// <summary>Asks the process to stop (SIGINT, as Ctrl+C); false when it is already gone.</summary>
    public static bool Interrupt(int processId) => Kill(processId, SigInt) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
