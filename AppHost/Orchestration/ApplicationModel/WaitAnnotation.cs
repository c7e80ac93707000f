namespace Authsome.AppHost.Orchestration;

/// <summary>How a resource waits for another: until it is ready (<c>WaitFor</c>) or until it has exited (<c>WaitForCompletion</c>).</summary>
public enum WaitType
{
    /// <summary>Running and healthy: a database provisioned, a project started and passing its health check.</summary>
    WaitUntilHealthy,

    /// <summary>Exited with the expected exit code; any other exit code keeps the waiting resource from starting.</summary>
    WaitUntilCompleted,
}

/// <summary>One wait of a resource on another.</summary>
public sealed record WaitAnnotation(IResource Resource, WaitType WaitType, int ExitCode = 0);
