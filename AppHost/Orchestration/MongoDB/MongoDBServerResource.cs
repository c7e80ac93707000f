namespace Authsome.AppHost.Orchestration;

/// <summary>
/// A MongoDB server. In the manifest it is the <c>mongo</c> container with a generated password; in run mode it is
/// the server named by <c>ConnectionStrings:NAME</c> in the AppHost's configuration: this AppHost starts no
/// containers, so a MongoDB it cannot be given is an error.
/// </summary>
public sealed class MongoDBServerResource(string name, ParameterResource password, Func<string?> configuredConnectionString) : IResourceWithConnectionString
{
    /// <summary>The container image of the manifest.</summary>
    public const string Image = "docker.io/library/mongo";

    /// <summary>The image tag of the manifest.</summary>
    public const string Tag = "8.0";

    /// <summary>The root user of the container.</summary>
    public const string UserName = "admin";

    /// <summary>The query every connection string of the container carries.</summary>
    internal const string AuthenticationQuery = "authSource=admin&authMechanism=SCRAM-SHA-256";

    public string Name { get; } = name;

    /// <summary>The root password: a generated secret parameter in the manifest.</summary>
    public ParameterResource PasswordParameter { get; } = password;

    public string ConnectionStringExpression =>
        $"mongodb://{UserName}:{PasswordParameter.ValueExpression}@{{{Name}.bindings.tcp.host}}:{{{Name}.bindings.tcp.port}}?{AuthenticationQuery}";

    public ValueTask<string> GetConnectionStringAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(configuredConnectionString()
            ?? throw new InvalidOperationException(
                $"MongoDB '{Name}' needs ConnectionStrings:{Name} in the AppHost's configuration: this AppHost cannot start a MongoDB server itself."));
}
