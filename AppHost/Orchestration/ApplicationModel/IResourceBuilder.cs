namespace Authsome.AppHost.Orchestration;

/// <summary>A resource being configured, returned by every <c>Add*</c> and <c>With*</c> call so they chain.</summary>
public interface IResourceBuilder<out T>
    where T : IResource
{
    /// <summary>The builder of the whole application.</summary>
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    /// <summary>The resource.</summary>
    T Resource { get; }
}

internal sealed class ResourceBuilder<T>(IDistributedApplicationBuilder applicationBuilder, T resource) : IResourceBuilder<T>
    where T : IResource
{
    public IDistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;

    public T Resource { get; } = resource;
}
