using System.Runtime.InteropServices;

namespace Authsome.AppHost.Orchestration;

/// <summary>Asks a child process to shut down gracefully.</summary>
internal static partial class Signals
{
    // SIGTERM rather than SIGINT: a process started in the background by a shell inherits SIGINT as ignored, and so
    // would its children; .NET hosts shut down gracefully on either.
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM; false when the process is already gone.</summary>
    public static bool Terminate(int processId) => Kill(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
