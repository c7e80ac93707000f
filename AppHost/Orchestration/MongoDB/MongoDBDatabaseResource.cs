namespace Authsome.AppHost.Orchestration;

/// <summary>A database of a <see cref="MongoDBServerResource"/>: the server's connection string with the database as its path.</summary>
public sealed class MongoDBDatabaseResource(string name, string databaseName, MongoDBServerResource parent) : IResourceWithConnectionString, IResourceWithParent
{
    public string Name { get; } = name;

    public string DatabaseName { get; } = databaseName;

    public MongoDBServerResource Parent { get; } = parent;

    IResource IResourceWithParent.Parent => Parent;

    public string ConnectionStringExpression =>
        $"mongodb://{MongoDBServerResource.UserName}:{Parent.PasswordParameter.ValueExpression}@{{{Parent.Name}.bindings.tcp.host}}:{{{Parent.Name}.bindings.tcp.port}}/{DatabaseName}?{MongoDBServerResource.AuthenticationQuery}";

    public async ValueTask<string> GetConnectionStringAsync(CancellationToken cancellationToken) =>
        WithDatabase(await Parent.GetConnectionStringAsync(cancellationToken), DatabaseName);

    /// <summary>
    /// Puts <paramref name="database"/> as the path of a <c>mongodb://</c> or <c>mongodb+srv://</c> URL, replacing any,
    /// keeping the hosts (several, for a replica set) and the query.
    /// </summary>
    internal static string WithDatabase(string connectionString, string database)
    {
        var schemeEnd = connectionString.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            throw new InvalidOperationException("A MongoDB connection string must start with mongodb:// or mongodb+srv://.");
        }

        var rest = connectionString[(schemeEnd + 3)..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart < 0 ? string.Empty : rest[queryStart..];
        var authority = queryStart < 0 ? rest : rest[..queryStart];
        var pathStart = authority.IndexOf('/', StringComparison.Ordinal);
        var hosts = pathStart < 0 ? authority : authority[..pathStart];
        return $"{connectionString[..(schemeEnd + 3)]}{hosts}/{Uri.EscapeDataString(database)}{query}";
    }
}
