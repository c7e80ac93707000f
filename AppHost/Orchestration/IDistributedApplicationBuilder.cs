using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Authsome.AppHost.Orchestration;

/// <summary>Collects the resources of the application, then builds it (<see cref="Build"/>).</summary>
public interface IDistributedApplicationBuilder
{
    /// <summary>The AppHost's configuration: appsettings.json, user secrets, environment variables, command line.</summary>
    IConfigurationManager Configuration { get; }

    /// <summary>The AppHost's environment (Development under <c>dotnet run</c>).</summary>
    IHostEnvironment Environment { get; }

    /// <summary>Run or publish.</summary>
    DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>The AppHost project's directory; relative project paths and the local SQLite file are based on it.</summary>
    string AppHostDirectory { get; }

    /// <summary>The resources added so far, in order.</summary>
    IReadOnlyList<IResource> Resources { get; }

    /// <summary>Adds a resource; its name must be unique (case-insensitive), as in a manifest.</summary>
    IResourceBuilder<T> AddResource<T>(T resource)
        where T : IResource;

    /// <summary>Builds the application; nothing starts until <see cref="DistributedApplication.Run"/>.</summary>
    DistributedApplication Build();
}
