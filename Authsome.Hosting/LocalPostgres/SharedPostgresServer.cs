using System.Collections.Concurrent;
using Npgsql;

namespace Authsome.Hosting;

/// <summary>
/// The server behind <see cref="TestPostgresServer"/>: either an external one named by a connection
/// string, or a <see cref="LocalPostgresCluster"/> started for the process. Each call to
/// <see cref="CreateDatabaseAsync"/> makes a fresh database with a unique name.
/// </summary>
internal sealed class SharedPostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan s_dropTimeout = TimeSpan.FromSeconds(10);

    private readonly LocalPostgresCluster? _cluster;
    private readonly NpgsqlDataSource? _external;
    private readonly NpgsqlConnectionStringBuilder? _externalBuilder;
    private readonly ConcurrentQueue<string> _externalDatabases = new();
    private int _disposed;

    private SharedPostgresServer(LocalPostgresCluster cluster)
    {
        _cluster = cluster;
        ConnectionString = cluster.ConnectionString;
    }

    private SharedPostgresServer(NpgsqlConnectionStringBuilder external)
    {
        _externalBuilder = external;
        ConnectionString = external.ConnectionString;
        _external = NpgsqlDataSource.Create(ConnectionString);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>Whether the server was named by a connection string rather than started here.</summary>
    public bool IsExternal => _cluster is null;

    /// <summary>Connection string to the maintenance database, used to create the others.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Reads the value of <see cref="TestPostgresServer.EnvironmentVariable"/>: <see langword="null"/>
    /// when unset or blank (start a local cluster), else the parsed connection string, with
    /// <c>Database</c> defaulting to <c>postgres</c>.
    /// </summary>
    /// <exception cref="LocalPostgresException">The value is not a usable Npgsql connection string (the message never repeats it).</exception>
    public static NpgsqlConnectionStringBuilder? ParseExternal(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(value.Trim());
        }
        catch (ArgumentException exception)
        {
            throw new LocalPostgresException(
                $"{TestPostgresServer.EnvironmentVariable} is not a valid Npgsql connection string "
                + "(expected e.g. 'Host=127.0.0.1;Port=5432;Username=postgres;Password=...').",
                exception);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new LocalPostgresException(
                $"{TestPostgresServer.EnvironmentVariable} has no Host (expected e.g. 'Host=127.0.0.1;Port=5432;Username=postgres;Password=...').");
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            builder.Database = "postgres";
        }

        return builder;
    }

    /// <summary>Uses the external server when <paramref name="externalConnectionString"/> names one, else starts a local cluster.</summary>
    public static async Task<SharedPostgresServer> StartAsync(
        string? externalConnectionString, LocalPostgresOptions? options, CancellationToken cancellationToken)
    {
        var external = ParseExternal(externalConnectionString);
        if (external is not null)
        {
            return new SharedPostgresServer(external);
        }

        var cluster = await LocalPostgresCluster.StartAsync(options, cancellationToken);
        return new SharedPostgresServer(cluster);
    }

    /// <summary>Creates a database named from <paramref name="prefix"/> plus a random suffix and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var name = DatabaseNames.Unique(prefix);
        if (_cluster is not null)
        {
            return await _cluster.CreateDatabaseAsync(name, cancellationToken);
        }

        await DatabaseCommands.CreateAsync(_external!, name, fileCopy: false, cancellationToken);
        _externalDatabases.Enqueue(name);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops and deletes the local cluster, or drops the databases made on the external server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await _external!.DisposeAsync();
        await Task.Run(DropExternalDatabases);
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            DropExternalDatabases();
        }
    }

    /// <summary>Best effort: a test database left on someone's server is clutter, not an error.</summary>
    private void DropExternalDatabases()
    {
        if (_externalDatabases.IsEmpty)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        while (_externalDatabases.TryDequeue(out var name))
        {
            try
            {
                DatabaseCommands.DropIfExists(_externalBuilder!.ConnectionString, name, s_dropTimeout);
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // leave it; the name says where it came from
            }
        }
    }
}
