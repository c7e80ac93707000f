using System.Net;
using System.Net.Sockets;

namespace Authsome.AppHost.Orchestration;

/// <summary><c>AddProject</c> and the endpoint and health settings of projects.</summary>
public static class ProjectResourceBuilderExtensions
{
    /// <summary>The configuration key that gives every endpoint a free port instead of its launch profile's.</summary>
    public const string RandomizePortsKey = "AppHost:RandomizePorts";

    /// <summary>
    /// Adds a project. Its launch profile (the one named by <c>AppHost:DefaultLaunchProfileName</c> or
    /// <c>DOTNET_LAUNCH_PROFILE</c> if it has it, else its first <c>Project</c> profile) gives its http endpoint
    /// and its environment in run mode.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        var metadata = new TProject();
        var preferredProfile = builder.Configuration["AppHost:DefaultLaunchProfileName"] ?? builder.Configuration["DOTNET_LAUNCH_PROFILE"];
        var profile = LaunchProfile.Read(metadata.ProjectPath, preferredProfile);
        var project = new ProjectResource(name, metadata, profile);
        if (profile?.ApplicationUrls.FirstOrDefault(u => u.Scheme == Uri.UriSchemeHttp) is { } url)
        {
            project.HttpEndpoint = new HttpEndpoint(PortFor(builder, url.Port));
        }

        return builder.AddResource(project);
    }

    /// <summary>Gives a project without one an http endpoint, on <paramref name="port"/> or a free port.</summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Resource.HttpEndpoint is not null)
        {
            throw new InvalidOperationException($"Endpoint with name 'http' already exists on '{builder.Resource.Name}' (from its launch profile or an earlier call).");
        }

        builder.Resource.HttpEndpoint = new HttpEndpoint(port is { } fixedPort ? fixedPort : FreePort());
        return builder;
    }

    /// <summary>Asks a deployment to expose the project's http endpoint publicly.</summary>
    public static IResourceBuilder<ProjectResource> WithExternalHttpEndpoints(this IResourceBuilder<ProjectResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var endpoint = builder.Resource.HttpEndpoint
            ?? throw new InvalidOperationException($"'{builder.Resource.Name}' has no http endpoint to expose.");
        endpoint.IsExternal = true;
        return builder;
    }

    /// <summary>The project counts as ready (for <c>WaitFor</c>, and for the AppHost's start-up) once <paramref name="path"/> answers 200.</summary>
    public static IResourceBuilder<ProjectResource> WithHttpHealthCheck(this IResourceBuilder<ProjectResource> builder, string path = "/health")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (builder.Resource.HttpEndpoint is null)
        {
            throw new InvalidOperationException($"'{builder.Resource.Name}' has no http endpoint to check.");
        }

        builder.Resource.HealthCheckPath = path;
        return builder;
    }

    private static int PortFor(IDistributedApplicationBuilder builder, int launchProfilePort) =>
        string.Equals(builder.Configuration[RandomizePortsKey], "true", StringComparison.OrdinalIgnoreCase) ? FreePort() : launchProfilePort;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
