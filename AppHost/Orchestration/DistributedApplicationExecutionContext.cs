namespace Authsome.AppHost.Orchestration;

/// <summary>What the AppHost was started to do.</summary>
public enum DistributedApplicationOperation
{
    /// <summary>Provision and start the resources locally.</summary>
    Run,

    /// <summary>Write the deployment manifest and start nothing (<c>--publisher manifest</c>).</summary>
    Publish,
}

/// <summary>The operation of this AppHost invocation, which decides how resources resolve their values.</summary>
public sealed class DistributedApplicationExecutionContext(DistributedApplicationOperation operation)
{
    public DistributedApplicationOperation Operation { get; } = operation;

    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;

    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;
}
