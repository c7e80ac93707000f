using Authsome.Store.Migrations;
using Authsome.Store.Relational;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Authsome.Store.Sqlite;

/// <summary>
/// The embedded store: one SQLite database file, for single-process deployments, development and command-line
/// tools. Create it from a connection string (<c>Data Source=authsome.db</c>, as in <c>ConnectionStrings:authsome</c>),
/// then call <see cref="RelationalStore.MigrateAsync"/> once at start-up. The file's directory is created if missing.
/// </summary>
/// <remarks>
/// The file runs in WAL mode with foreign keys on; writes from the process take turns, so concurrent requests never
/// fail with "database is locked", and a writer in another process is waited for up to the busy timeout. A plain
/// <c>:memory:</c> data source becomes a private shared-cache database that lives as long as the store.
/// </remarks>
public sealed class SqliteStore : RelationalStore
{
    /// <summary>How long a write waits for another process's write to finish when no timeout is given.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    private readonly SqliteDatabase _database;
    private readonly ILogger _logger;

    /// <summary>Creates a store over the database file the connection string names.</summary>
    public SqliteStore(string connectionString, ILoggerFactory? loggerFactory = null)
        : this(connectionString, DefaultBusyTimeout, loggerFactory)
    {
    }

    /// <summary>Creates a store that waits up to <paramref name="busyTimeout"/> for a writer in another process.</summary>
    public SqliteStore(string connectionString, TimeSpan busyTimeout, ILoggerFactory? loggerFactory = null)
        : this(new SqliteDatabase(connectionString, busyTimeout), (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SqliteStore>())
    {
    }

    private SqliteStore(SqliteDatabase database, ILogger logger)
        : base(database, logger)
    {
        _database = database;
        _logger = logger;
    }

    /// <summary>The full path of the database file (for tests).</summary>
    internal string DatabasePath => _database.DatabasePath;

    private protected override IMigrationDriver CreateMigrationDriver() => new SqliteMigrationDriver(_database, Time, _logger);
}
