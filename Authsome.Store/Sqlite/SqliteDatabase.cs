using System.Collections.Concurrent;
using System.Data.Common;
using Authsome.Store.Relational;
using Microsoft.Data.Sqlite;

namespace Authsome.Store.Sqlite;

/// <summary>
/// A SQLite database file. Connections are pooled by Microsoft.Data.Sqlite and configured on every open (busy
/// timeout, foreign keys); the file runs in WAL mode, so readers never wait for the writer. SQLite admits one writer
/// at a time: within the process, writers queue on an async gate shared by every store on the same file, and write
/// transactions begin IMMEDIATE (taking the write lock up front), so a write never fails with "database is locked"
/// halfway through; across processes, the busy timeout makes a writer wait for the other process instead of failing.
/// </summary>
internal sealed class SqliteDatabase : RelationalDatabase
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate;
    private readonly SqliteConnection? _keepAlive;
    private readonly bool _readOnly;
    private volatile bool _journalModeSet;

    public SqliteDatabase(string connectionString, TimeSpan busyTimeout)
        : base(SqliteDialect.Instance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentOutOfRangeException.ThrowIfLessThan(busyTimeout, TimeSpan.Zero);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("The SQLite connection string needs a Data Source (a database file path).", nameof(connectionString));
        }

        IsInMemory = builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        if (IsInMemory)
        {
            // Every connection to a plain :memory: database gets its own empty database; a named, shared-cache one
            // is seen by every connection of the process and lives while one connection stays open.
            if (builder.DataSource == ":memory:")
            {
                builder.DataSource = $"authsome-{Guid.NewGuid():N}";
            }

            builder.Mode = SqliteOpenMode.Memory;
            builder.Cache = SqliteCacheMode.Shared;
            DatabasePath = builder.DataSource;
        }
        else
        {
            DatabasePath = Path.GetFullPath(builder.DataSource);
            builder.DataSource = DatabasePath;
            if (builder.Mode != SqliteOpenMode.ReadOnly && Path.GetDirectoryName(DatabasePath) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }
        }

        _readOnly = builder.Mode == SqliteOpenMode.ReadOnly;
        builder.Pooling = true;
        BusyTimeout = busyTimeout;
        _connectionString = builder.ConnectionString;
        _writeGate = WriteGates.GetOrAdd(DatabasePath, static _ => new SemaphoreSlim(1, 1));
        if (IsInMemory)
        {
            _keepAlive = new SqliteConnection(_connectionString);
            _keepAlive.Open();
        }
    }

    /// <summary>The full path of the database file (or the name of a shared in-memory database).</summary>
    public string DatabasePath { get; }

    public bool IsInMemory { get; }

    public TimeSpan BusyTimeout { get; }

    public override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenSqliteConnectionAsync(cancellationToken).ConfigureAwait(false);

    public async Task<SqliteConnection> OpenSqliteConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString) { DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds) };
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var configure = connection.CreateCommand();
            // Per-connection settings: pooled connections are reconfigured on each open, which costs no I/O.
            // synchronous=NORMAL is durable across application crashes in WAL mode and saves an fsync per commit.
            configure.CommandText = $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            // WAL is a property of the file, so it is set until it has been once (concurrent first opens may all
            // set it, harmlessly); in-memory databases have no journal file, and a read-only one cannot change it.
            var setJournalMode = !_journalModeSet && !IsInMemory && !_readOnly;
            if (setJournalMode)
            {
                configure.CommandText += " PRAGMA journal_mode = WAL;";
            }

            await configure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _journalModeSet |= setJournalMode;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for this process's turn to write to the file.</summary>
    public async Task<IDisposable> EnterWriteGateAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new GateTurn(_writeGate);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected override async ValueTask<IDisposable?> EnterWriterAsync(CancellationToken cancellationToken) =>
        await EnterWriteGateAsync(cancellationToken).ConfigureAwait(false);

    // BEGIN IMMEDIATE: the write lock is taken (or waited for) at the start, never upgraded mid-transaction.
    protected override ValueTask<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    private sealed class GateTurn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
