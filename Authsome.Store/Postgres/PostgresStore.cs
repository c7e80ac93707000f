using Authsome.Store.Migrations;
using Authsome.Store.Relational;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Authsome.Store.Postgres;

/// <summary>
/// The production store: PostgreSQL through one pooled <see cref="NpgsqlDataSource"/>. Create it from the connection
/// string (<c>ConnectionStrings:authsome</c>, in Npgsql's <c>Host=...</c> form or as a <c>postgres://</c> URL) or from a
/// data source you already have, then call <see cref="RelationalStore.MigrateAsync"/> once at start-up.
/// </summary>
/// <remarks>
/// Unless the connection string sets them, <c>Max Auto Prepare</c> is 64 (the store's statements are prepared on
/// first reuse, so a token lookup is one round trip to a prepared plan), <c>Application Name</c> is
/// <c>authsome</c>, and <c>No Reset On Close</c> is true (pooled connections are not reset with a batch of
/// statements each time they are reused; the store leaves no session state). Npgsql reports traces and metrics
/// itself (ActivitySource and Meter "Npgsql").
/// </remarks>
public sealed class PostgresStore : RelationalStore
{
    private readonly PostgresDatabase _database;
    private readonly ILogger _logger;

    /// <summary>Creates a store with its own data source; disposing the store disposes it.</summary>
    public PostgresStore(string connectionString, ILoggerFactory? loggerFactory = null)
        : this(new PostgresDatabase(CreateDataSource(connectionString, loggerFactory), ownsDataSource: true), loggerFactory)
    {
    }

    /// <summary>Creates a store over a data source the caller owns (and disposes). Its connection string may not turn on Multiplexing.</summary>
    public PostgresStore(NpgsqlDataSource dataSource, ILoggerFactory? loggerFactory = null)
        : this(new PostgresDatabase(Supported(dataSource), ownsDataSource: false), loggerFactory)
    {
    }

    private PostgresStore(PostgresDatabase database, ILoggerFactory? loggerFactory)
        : this(database, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PostgresStore>())
    {
    }

    private PostgresStore(PostgresDatabase database, ILogger logger)
        : base(database, logger)
    {
        _database = database;
        _logger = logger;
    }

    /// <summary>The data source the store's connections come from (for tests).</summary>
    internal NpgsqlDataSource DataSource => _database.DataSource;

    /// <summary>
    /// <paramref name="connectionString"/> (<c>Host=...</c> or a <c>postgres://</c> URL) in Npgsql's form with the store's
    /// defaults where it does not set them (see the remarks above): for a data source built elsewhere, such as
    /// Aspire.Npgsql's <c>AddNpgsqlDataSource</c>.
    /// </summary>
    public static string WithStoreDefaults(string connectionString) => PostgresConnectionString.Parse(connectionString).ConnectionString;

    private protected override IMigrationDriver CreateMigrationDriver() => new PostgresMigrationDriver(_database.DataSource, Time, _logger);

    private static NpgsqlDataSource Supported(NpgsqlDataSource? dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        PostgresConnectionString.RefuseMultiplexing(new NpgsqlConnectionStringBuilder(dataSource.ConnectionString));
        return dataSource;
    }

    private static NpgsqlDataSource CreateDataSource(string connectionString, ILoggerFactory? loggerFactory)
    {
        var builder = new NpgsqlDataSourceBuilder(PostgresConnectionString.Parse(connectionString).ConnectionString)
        {
            Name = PostgresConnectionString.DefaultApplicationName,
        };
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder.Build();
    }
}
