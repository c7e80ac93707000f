namespace Authsome.Hosting;

/// <summary>
/// One PostgreSQL server for a whole test process, started on first use. If the environment
/// variable <c>AUTHSOME_TEST_POSTGRES</c> holds an Npgsql connection string, that server is used;
/// otherwise a <see cref="LocalPostgresCluster"/> is started and removed when the process exits.
/// Every test class asks for its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <example>
/// <code>
/// var connectionString = await TestPostgresServer.CreateDatabaseAsync("store_tests", TestContext.Current.CancellationToken);
/// </code>
/// </example>
public static class TestPostgresServer
{
    /// <summary>Name of the environment variable that points the tests at an existing server.</summary>
    public const string EnvironmentVariable = "AUTHSOME_TEST_POSTGRES";

    // Started without the first caller's token, so one cancelled test cannot break the server for
    // the others; each caller stops waiting on its own token. A failed start is remembered, so
    // every test reports the same clear error instead of trying again.
    private static readonly Lazy<Task<SharedPostgresServer>> s_server = new(
        () => Task.Run(() => SharedPostgresServer.StartAsync(
            Environment.GetEnvironmentVariable(EnvironmentVariable),
            new LocalPostgresOptions { StopOnTerminationSignals = true },
            CancellationToken.None)));

    /// <summary>
    /// Connection string to the server's maintenance database (the local cluster's <c>postgres</c>
    /// database, or the database named by <c>AUTHSOME_TEST_POSTGRES</c>, <c>postgres</c> if none).
    /// Tests should prefer <see cref="CreateDatabaseAsync"/>.
    /// </summary>
    public static async Task<string> GetConnectionStringAsync(CancellationToken cancellationToken)
    {
        var server = await s_server.Value.WaitAsync(cancellationToken);
        return server.ConnectionString;
    }

    /// <summary>
    /// Creates a fresh database named <paramref name="prefix"/> (lowercased, characters outside
    /// <c>[a-z0-9_]</c> replaced by <c>_</c>) plus <c>_</c> and a random suffix, and returns its
    /// connection string. On an external server the databases made are dropped when the process exits.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var server = await s_server.Value.WaitAsync(cancellationToken);
        return await server.CreateDatabaseAsync(prefix, cancellationToken);
    }
}
