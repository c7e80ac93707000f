namespace Authsome.AppHost.MongoDB;

/// <summary>
/// <c>AddMongo</c> and <c>AddMongoDatabase</c>: ours, in the shape of <c>Aspire.Hosting.MongoDB</c>'s <c>AddMongoDB</c>,
/// which is not served here.
/// </summary>
public static class MongoBuilderExtensions
{
    /// <summary>
    /// Adds a MongoDB server: a container (<see cref="MongoServerResource"/>) when publishing or when a container
    /// runtime is healthy; otherwise the existing server of the connection-string parameter <c>ConnectionStrings:NAME</c>
    /// (asked for in the dashboard when it is not configured).
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddMongo(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.ExecutionContext.IsPublishMode && !ContainerRuntime.IsHealthy(builder.Configuration["ASPIRE_CONTAINER_RUNTIME"]))
        {
            return builder.AddConnectionString(name);
        }

        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var server = new MongoServerResource(name, password);
        return builder.AddResource(server)
            .WithImage(MongoServerResource.Image, MongoServerResource.Tag)
            .WithImageRegistry(MongoServerResource.Registry)
            .WithEndpoint(targetPort: 27017, name: MongoServerResource.EndpointName)
            .WithEnvironment("MONGO_INITDB_ROOT_USERNAME", MongoServerResource.UserName)
            .WithEnvironment(context => context.EnvironmentVariables["MONGO_INITDB_ROOT_PASSWORD"] = server.PasswordParameter)
            .WithIconName("Database");
    }

    /// <summary>
    /// Adds a database of the MongoDB server; its connection string is the server's with the database as the URL's path.
    /// Under a container it follows the container's state; under an existing server it is Running once the server's
    /// connection string is known.
    /// </summary>
    public static IResourceBuilder<MongoDatabaseResource> AddMongoDatabase(
        this IResourceBuilder<IResourceWithConnectionString> builder, [ResourceName] string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = builder.ApplicationBuilder.AddResource(new MongoDatabaseResource(name, databaseName ?? name, builder.Resource))
            .WithIconName("Database");
        if (builder.Resource is MongoServerResource)
        {
            return database;
        }

        return database
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "MongoDB database",
                State = KnownResourceStates.NotStarted,
                Properties = [new(CustomResourceKnownProperties.Source, database.Resource.DatabaseName)],
            })
            .OnInitializeResource(static async (resource, @event, cancellationToken) =>
            {
                await @event.Notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.Waiting });
                await resource.Parent.GetConnectionStringAsync(cancellationToken);
                await @event.Eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, @event.Services), cancellationToken);
                await @event.Notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow });
            });
    }
}
