namespace Authsome.AppHost.Orchestration;

/// <summary>A resource could not be provisioned or started, or a project exited when it should not have.</summary>
internal sealed class ResourceFailedException(IResource resource, string message, int? exitCode = null, IReadOnlyList<string>? lastLines = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public IResource Resource { get; } = resource;

    /// <summary>The project's exit code, when it exited.</summary>
    public int? ExitCode { get; } = exitCode;

    /// <summary>The project's last output lines, when it exited.</summary>
    public IReadOnlyList<string> LastLines { get; } = lastLines ?? [];
}
