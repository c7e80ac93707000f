using System.Data.Common;
using Npgsql;

namespace Authsome.Store.Postgres;

/// <summary>
/// Reads the connection string <see cref="PostgresStore"/> is given: Npgsql's <c>Host=...;Database=...</c> form (what
/// Aspire injects as <c>ConnectionStrings:authsome</c>) or a <c>postgres://user:password@host:port/database?sslmode=...</c>
/// URL, and fills in the store's defaults where the string does not say otherwise.
/// </summary>
internal static class PostgresConnectionString
{
    /// <summary>Prepared statements for the store's hot queries unless the string sets its own limit.</summary>
    public const int DefaultMaxAutoPrepare = 64;

    public const string DefaultApplicationName = "authsome";

    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = IsUrl(connectionString) ? FromUrl(connectionString) : new NpgsqlConnectionStringBuilder(connectionString);
        // The builder's own ContainsKey answers for every keyword it knows; what the string actually set is
        // what its canonical form lists.
        var given = new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        RefuseMultiplexing(builder);
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!given.ContainsKey("Application Name"))
        {
            builder.ApplicationName = DefaultApplicationName;
        }

        // Npgsql otherwise resets every connection it takes from the pool with seven statements (RESET ALL, CLOSE ALL,
        // UNLISTEN *, pg_advisory_unlock_all(), ...) sent ahead of the next query: more server work than the token
        // lookup itself. The store leaves no session state behind (no SET, LISTEN, cursors or temporary tables; the
        // migration lock is released explicitly), and open transactions are still rolled back on return.
        if (!given.ContainsKey("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder;
    }

    /// <summary>
    /// Npgsql's multiplexing hands each command to whichever connection is free, so a session-level advisory lock (the
    /// migration lock) is taken on one connection and its unlock sent on another, and stays held. It is also gone from
    /// Npgsql 11. It did raise GET /me's rate in the load benchmark (bench/RESULTS.md).
    /// </summary>
    public static void RefuseMultiplexing(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Multiplexing)
        {
            throw new ArgumentException(
                "The PostgreSQL store does not support Multiplexing=true: its migration lock needs one session, which multiplexing does not keep. Remove Multiplexing from the connection string.",
                nameof(builder));
        }
    }

    public static bool IsUrl(string connectionString) =>
        connectionString.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || connectionString.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            // The URL may hold a password: never echo it.
            throw new ArgumentException("The PostgreSQL connection URL is not valid (expected postgres://user:password@host:port/database).", nameof(url));
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
        }

        return builder;
    }
}
