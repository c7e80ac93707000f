namespace Authsome.AppHost.Orchestration;

/// <summary>One environment variable of a resource, as the manifest writes it and as a started process gets it.</summary>
public sealed class EnvironmentVariable
{
    private readonly Func<CancellationToken, ValueTask<string>> _resolve;

    private EnvironmentVariable(string name, string manifestExpression, Func<CancellationToken, ValueTask<string>> resolve)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        ManifestExpression = manifestExpression;
        _resolve = resolve;
    }

    public string Name { get; }

    /// <summary>The value in the manifest: a literal or a <c>{resource.property}</c> placeholder.</summary>
    public string ManifestExpression { get; }

    /// <summary>A fixed value.</summary>
    public static EnvironmentVariable Literal(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(name, value, _ => ValueTask.FromResult(value));
    }

    /// <summary><c>ConnectionStrings__NAME</c> pointing at <paramref name="resource"/>'s connection string.</summary>
    public static EnvironmentVariable ConnectionString(IResourceWithConnectionString resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new($"ConnectionStrings__{resource.Name}", $"{{{resource.Name}.connectionString}}", resource.GetConnectionStringAsync);
    }

    /// <summary>The value a started process gets.</summary>
    public ValueTask<string> ResolveAsync(CancellationToken cancellationToken) => _resolve(cancellationToken);
}
