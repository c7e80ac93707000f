namespace Authsome.AppHost.Orchestration;

/// <summary><c>AddPostgres</c> and <c>AddDatabase</c>.</summary>
public static class PostgresBuilderExtensions
{
    /// <summary>
    /// Adds a PostgreSQL server; its password is the generated secret parameter <c>NAME-password</c>. In run mode the
    /// server is <c>ConnectionStrings:NAME</c> of the AppHost's configuration when given, else a throw-away local
    /// cluster, else none (see <see cref="PostgresServerResource"/>).
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var password = new ParameterResource($"{name}-password", secret: true, new GenerateParameterDefault(), () => builder.Configuration[$"Parameters:{name}-password"]);
        return builder.AddResource(new PostgresServerResource(name, password, () => builder.Configuration.GetSection("ConnectionStrings")[name]));
    }

    /// <summary>
    /// Adds a database of the server, named <paramref name="databaseName"/> (default: the resource's name), referenced
    /// as <c>ConnectionStrings__NAME</c>. Without a PostgreSQL server in run mode it is the SQLite file
    /// <c>.data/NAME.db</c> beside the AppHost's folder.
    /// </summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var sqlite = Path.GetFullPath(Path.Combine(builder.ApplicationBuilder.AppHostDirectory, "..", ".data", $"{name}.db"));
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource, sqlite);
        builder.Resource.Databases.Add(database);
        return builder.ApplicationBuilder.AddResource(database);
    }
}
