namespace Authsome.AppHost.Orchestration;

/// <summary>References, waits and environment variables between resources.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>Sets an environment variable of the resource (in run mode and in the manifest).</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.Environment.Add(EnvironmentVariable.Literal(name, value));
        return builder;
    }

    /// <summary>Injects <paramref name="source"/>'s connection string as <c>ConnectionStrings__NAME</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        builder.Resource.Environment.Add(EnvironmentVariable.ConnectionString(source.Resource));
        return builder;
    }

    /// <summary>
    /// Starts the resource only once <paramref name="dependency"/> is ready: a database provisioned, a project
    /// started and passing its health check. A dependency that fails keeps the resource from starting.
    /// </summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        builder.Resource.Waits.Add(new WaitAnnotation(dependency.Resource, WaitType.WaitUntilHealthy));
        return builder;
    }

    /// <summary>
    /// Starts the resource only once the project <paramref name="dependency"/> has exited with
    /// <paramref name="exitCode"/>; any other exit code keeps the resource from starting.
    /// </summary>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<ProjectResource> dependency, int exitCode = 0)
        where T : IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        builder.Resource.Waits.Add(new WaitAnnotation(dependency.Resource, WaitType.WaitUntilCompleted, exitCode));
        return builder;
    }
}
