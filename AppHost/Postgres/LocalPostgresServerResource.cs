using Authsome.Hosting;

namespace Authsome.AppHost.Postgres;

/// <summary>
/// A PostgreSQL server run from the server binaries on this machine (<see cref="LocalPostgresCluster"/>: a throw-away
/// cluster on 127.0.0.1, a free port and a random password), for when no container runtime is healthy. Its connection
/// string is known once the cluster has started; it is stopped and deleted with the AppHost. Never in a manifest: a
/// deployment gets the PostgreSQL container or a managed server instead.
/// </summary>
public sealed class LocalPostgresServerResource(string name) : Resource(name), IResourceWithConnectionString
{
    private readonly StartedValue _connectionString = new($"{{{name}.connectionString}}");

    /// <summary>The databases added with <c>AddDatabase</c>, by resource name.</summary>
    internal Dictionary<string, LocalPostgresDatabaseResource> Databases { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The connection string to the <c>postgres</c> database, as the superuser; resolves once the cluster runs.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{_connectionString}");

    /// <summary>The running cluster, once started.</summary>
    internal LocalPostgresCluster? Cluster { get; private set; }

    internal void Started(LocalPostgresCluster cluster)
    {
        Cluster = cluster;
        _connectionString.Set(cluster.ConnectionString);
    }

    internal void FailedToStart(Exception exception) => _connectionString.Fail(exception);

    /// <summary>A value that exists only once something has started: whoever asks before then waits for it.</summary>
    private sealed class StartedValue(string manifestExpression) : IValueProvider, IManifestExpressionProvider
    {
        private readonly TaskCompletionSource<string> _value = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string ValueExpression => manifestExpression;

        public void Set(string value) => _value.TrySetResult(value);

        public void Fail(Exception exception) => _value.TrySetException(exception);

        public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
            await _value.Task.WaitAsync(cancellationToken);
    }
}
