namespace Authsome.AppHost.MongoDB;

/// <summary>
/// A database of a MongoDB server: the server's URL with the database as its path. The server is a
/// <see cref="MongoServerResource"/> container, or an existing server given as a connection string.
/// </summary>
public sealed class MongoDatabaseResource(string name, string databaseName, IResourceWithConnectionString parent)
    : Resource(name), IResourceWithParent<IResourceWithConnectionString>, IResourceWithConnectionString
{
    /// <summary>The database's name on the server.</summary>
    public string DatabaseName { get; } = databaseName;

    /// <inheritdoc />
    public IResourceWithConnectionString Parent { get; } = parent;

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression => Parent is MongoServerResource server
        ? server.BuildConnectionString(DatabaseName)
        : ReferenceExpression.Create($"{new DatabaseInUrl(Parent, DatabaseName)}");

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

    /// <summary>The parent's connection string with the database in its path, resolved when it is asked for.</summary>
    private sealed class DatabaseInUrl(IResourceWithConnectionString server, string database) : IValueProvider, IManifestExpressionProvider
    {
        public string ValueExpression => server.ValueExpression;

        public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
            await server.GetConnectionStringAsync(cancellationToken) is { } url ? WithDatabase(url, database) : null;
    }
}
