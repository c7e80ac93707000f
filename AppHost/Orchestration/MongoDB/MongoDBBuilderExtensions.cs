namespace Authsome.AppHost.Orchestration;

/// <summary><c>AddMongoDB</c> and <c>AddDatabase</c>.</summary>
public static class MongoDBBuilderExtensions
{
    /// <summary>Adds a MongoDB server; its password is the generated secret parameter <c>NAME-password</c> (letters and digits).</summary>
    public static IResourceBuilder<MongoDBServerResource> AddMongoDB(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var password = new ParameterResource(
            $"{name}-password", secret: true, new GenerateParameterDefault { Special = false }, () => builder.Configuration[$"Parameters:{name}-password"]);
        return builder.AddResource(new MongoDBServerResource(name, password, () => builder.Configuration.GetSection("ConnectionStrings")[name]));
    }

    /// <summary>Adds a database of the server, named <paramref name="databaseName"/> (default: the resource's name).</summary>
    public static IResourceBuilder<MongoDBDatabaseResource> AddDatabase(this IResourceBuilder<MongoDBServerResource> builder, string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ApplicationBuilder.AddResource(new MongoDBDatabaseResource(name, databaseName ?? name, builder.Resource));
    }
}
