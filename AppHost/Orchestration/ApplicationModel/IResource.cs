namespace Authsome.AppHost.Orchestration;

/// <summary>A named part of the application: a database server, a database, a parameter, a project.</summary>
public interface IResource
{
    /// <summary>The resource's name: its key in the manifest and, for references, the connection string's name.</summary>
    string Name { get; }
}

/// <summary>A resource with a connection string that references inject as <c>ConnectionStrings__NAME</c>.</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string in manifest form, with <c>{resource.property}</c> placeholders.</summary>
    string ConnectionStringExpression { get; }

    /// <summary>The connection string in run mode; throws <see cref="InvalidOperationException"/> before the resource is provisioned.</summary>
    ValueTask<string> GetConnectionStringAsync(CancellationToken cancellationToken);
}

/// <summary>A resource that receives environment variables (and so references).</summary>
public interface IResourceWithEnvironment : IResource
{
    /// <summary>Environment variables added by <c>WithEnvironment</c> and <c>WithReference</c>, in call order.</summary>
    IList<EnvironmentVariable> Environment { get; }
}

/// <summary>A resource that can wait for others before it starts.</summary>
public interface IResourceWithWaitSupport : IResource
{
    /// <summary>What must happen to other resources before this one starts.</summary>
    IList<WaitAnnotation> Waits { get; }
}

/// <summary>A resource that belongs to another (a database to its server) and starts once its parent is ready.</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
