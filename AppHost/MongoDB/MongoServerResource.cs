namespace Authsome.AppHost.MongoDB;

/// <summary>
/// MongoDB in a container (<c>docker.io/library/mongo</c>) with a root user <c>admin</c> and a generated password. Ours:
/// it stands in for <c>Aspire.Hosting.MongoDB</c>'s server resource, which is not served here.
/// </summary>
public sealed class MongoServerResource(string name, ParameterResource password) : ContainerResource(name), IResourceWithConnectionString
{
    internal const string Image = "library/mongo";
    internal const string Tag = "8.0";
    internal const string Registry = "docker.io";
    internal const string UserName = "admin";
    internal const string EndpointName = "tcp";

    /// <summary>The root user's password.</summary>
    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>The server's endpoint.</summary>
    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    /// <summary><c>mongodb://admin:PASSWORD@HOST:PORT/?authSource=admin&amp;authMechanism=SCRAM-SHA-256</c>.</summary>
    public ReferenceExpression ConnectionStringExpression => BuildConnectionString(databaseName: null);

    internal ReferenceExpression BuildConnectionString(string? databaseName)
    {
        var builder = new ReferenceExpressionBuilder();
        builder.AppendLiteral($"mongodb://{UserName}:");
        builder.Append($"{PasswordParameter:uri}");
        builder.AppendLiteral("@");
        builder.Append($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
        builder.AppendLiteral("/");
        if (databaseName is not null)
        {
            builder.AppendLiteral(Uri.EscapeDataString(databaseName));
        }

        builder.AppendLiteral("?authSource=admin&authMechanism=SCRAM-SHA-256");
        return builder.Build();
    }
}
