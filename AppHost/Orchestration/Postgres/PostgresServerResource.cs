namespace Authsome.AppHost.Orchestration;

/// <summary>
/// A PostgreSQL server. In the manifest it is the <c>postgres</c> container with a generated password; in run mode
/// the AppHost provisions it (see <see cref="PostgresSource"/>): the server named by <c>ConnectionStrings:NAME</c> in
/// its configuration, else a throw-away local cluster, else none (the databases fall back to SQLite).
/// </summary>
public sealed class PostgresServerResource(string name, ParameterResource password, Func<string?> configuredConnectionString) : IResourceWithConnectionString
{
    /// <summary>The container image of the manifest.</summary>
    public const string Image = "docker.io/library/postgres";

    /// <summary>The image tag of the manifest.</summary>
    public const string Tag = "17.6";

    /// <summary>The administrator of the container.</summary>
    public const string UserName = "postgres";

    public string Name { get; } = name;

    /// <summary>The administrator's password: a generated secret parameter in the manifest.</summary>
    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>The databases added with <c>AddDatabase</c>.</summary>
    public IList<PostgresDatabaseResource> Databases { get; } = [];

    /// <summary>The server given in the AppHost's configuration (<c>ConnectionStrings:NAME</c>), if any.</summary>
    public string? ConfiguredConnectionString => configuredConnectionString();

    /// <summary>What the AppHost provisioned in run mode; null until then.</summary>
    public PostgresSource? Source { get; internal set; }

    public string ConnectionStringExpression =>
        $"Host={{{Name}.bindings.tcp.host}};Port={{{Name}.bindings.tcp.port}};Username={UserName};Password={PasswordParameter.ValueExpression}";

    /// <summary>
    /// The configured server's connection string (known without starting anything) or the provisioned one; throws when
    /// nothing is provisioned yet or the AppHost fell back to SQLite.
    /// </summary>
    public ValueTask<string> GetConnectionStringAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConfiguredConnectionString ?? Source?.ConnectionString
            ?? throw new InvalidOperationException(Source is null
                ? $"PostgreSQL server '{Name}' has not been provisioned yet."
                : $"No PostgreSQL server '{Name}' is available on this machine; its databases use SQLite."));
}

/// <summary>Where the PostgreSQL server of a run comes from.</summary>
public enum PostgresSourceKind
{
    /// <summary><c>ConnectionStrings:NAME</c> in the AppHost's configuration.</summary>
    Configured,

    /// <summary>A throw-away cluster started from the local PostgreSQL binaries and removed at the end of the run.</summary>
    LocalCluster,

    /// <summary>Neither: the databases use the embedded SQLite store instead.</summary>
    None,
}

/// <summary>The provisioned server: its kind and, unless <see cref="PostgresSourceKind.None"/>, its connection string.</summary>
public sealed record PostgresSource(PostgresSourceKind Kind, string? ConnectionString);
