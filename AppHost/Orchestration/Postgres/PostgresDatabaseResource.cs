using Npgsql;

namespace Authsome.AppHost.Orchestration;

/// <summary>
/// A database of a <see cref="PostgresServerResource"/> (<c>value.v0</c> in the manifest). In run mode it is created
/// on the server when missing; when no server is available it becomes the SQLite file <see cref="SqliteFallbackPath"/>.
/// </summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent, string sqliteFallbackPath)
    : IResourceWithConnectionString, IResourceWithParent
{
    public string Name { get; } = name;

    public string DatabaseName { get; } = databaseName;

    public PostgresServerResource Parent { get; } = parent;

    IResource IResourceWithParent.Parent => Parent;

    /// <summary>The SQLite database file used instead when no PostgreSQL server is available.</summary>
    public string SqliteFallbackPath { get; } = sqliteFallbackPath;

    public string ConnectionStringExpression => $"{{{Parent.Name}.connectionString}};Database={DatabaseName}";

    public async ValueTask<string> GetConnectionStringAsync(CancellationToken cancellationToken)
    {
        if (Parent.ConfiguredConnectionString is null && Parent.Source?.Kind == PostgresSourceKind.None)
        {
            return $"Data Source={SqliteFallbackPath}";
        }

        var server = await Parent.GetConnectionStringAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ConnectionString;
    }
}
