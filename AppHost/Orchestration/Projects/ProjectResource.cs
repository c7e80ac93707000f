namespace Authsome.AppHost.Orchestration;

/// <summary>A .NET project the AppHost builds with itself and starts as a process (<c>project.v0</c> in the manifest).</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata, LaunchProfile? launchProfile)
    : IResourceWithEnvironment, IResourceWithWaitSupport
{
    public string Name { get; } = name;

    /// <summary>
    /// This run's instance of the project (<c>service.instance.id</c> of its telemetry): the name and a random
    /// suffix, as Aspire's orchestrator names replicas.
    /// </summary>
    public string InstanceId { get; } = $"{name}-{System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 8)}";

    public IProjectMetadata Metadata { get; } = metadata;

    /// <summary>The launch profile applied in run mode, if the project has one.</summary>
    public LaunchProfile? LaunchProfile { get; } = launchProfile;

    /// <summary>The project's http endpoint, from its launch profile or <c>WithHttpEndpoint</c>; null for a worker.</summary>
    public HttpEndpoint? HttpEndpoint { get; internal set; }

    /// <summary>The path polled until it answers 200 before the project counts as ready (<c>WithHttpHealthCheck</c>).</summary>
    public string? HealthCheckPath { get; internal set; }

    public IList<EnvironmentVariable> Environment { get; } = [];

    public IList<WaitAnnotation> Waits { get; } = [];
}

/// <summary>
/// An http endpoint of a project. <see cref="Port"/> is where it listens in run mode; <see cref="IsExternal"/>
/// asks a deployment for public ingress.
/// </summary>
public sealed class HttpEndpoint(int port)
{
    public int Port { get; } = port;

    public bool IsExternal { get; internal set; }

    /// <summary>The endpoint's URL in run mode.</summary>
    public Uri Url => new($"http://localhost:{Port}");
}
