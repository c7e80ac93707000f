using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Authsome.Hosting;

/// <summary>
/// A throw-away PostgreSQL cluster: initialised in a fresh temporary directory, listening on
/// 127.0.0.1 only, tuned for speed over durability (<c>fsync</c>, <c>synchronous_commit</c> and
/// <c>full_page_writes</c> off), and gone without a trace when disposed.
/// </summary>
/// <remarks>
/// <para>
/// Authentication is <c>scram-sha-256</c> for every connection, with a superuser <c>postgres</c>
/// whose password is random for each cluster and appears only in <see cref="ConnectionString"/>
/// (never in logs or exception messages). The Unix socket lives in the cluster's own owner-only
/// directory, so nothing else on the machine shares the server.
/// </para>
/// <para>
/// When the current process is root, <c>initdb</c>, <c>pg_ctl</c> and the server run as
/// <see cref="LocalPostgresOptions.OsUser"/> (PostgreSQL refuses to run as root) and the
/// temporary directory is handed to that user.
/// </para>
/// <para>
/// If the cluster is not disposed, it is stopped and deleted when the process exits normally
/// (<see cref="AppDomain.ProcessExit"/>), and on SIGTERM, SIGINT, SIGQUIT or SIGHUP when
/// <see cref="LocalPostgresOptions.StopOnTerminationSignals"/> is set; a directory left by a
/// process that was killed is removed by the next <see cref="StartAsync"/> under the same
/// temporary root.
/// </para>
/// </remarks>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private const string MaintenanceDatabase = "postgres";
    private const string Loopback = "127.0.0.1";
    private const int MaxStartAttempts = 5;
    private const int MaxUnixSocketPath = 107;

    private static readonly TimeSpan s_exitCleanUpWait = TimeSpan.FromSeconds(30);

    private readonly ClusterDirectory _directory;
    private readonly PostgresBinaries _binaries;
    private readonly string? _osUser;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private readonly string _password = RandomNumberGenerator.GetHexString(32, lowercase: true);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<PosixSignalRegistration> _signalRegistrations = [];
    private readonly ManualResetEventSlim _cleanedUp = new();
    private NpgsqlDataSource? _admin;
    private bool _supportsFileCopy;
    private int _disposed;

    private LocalPostgresCluster(
        ClusterDirectory directory, PostgresBinaries binaries, string? osUser, LocalPostgresOptions options, ILogger logger)
    {
        _directory = directory;
        _binaries = binaries;
        _osUser = osUser;
        _timeout = options.Timeout;
        _logger = logger;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        if (options.StopOnTerminationSignals && !OperatingSystem.IsWindows())
        {
            foreach (var signal in (PosixSignal[])[PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT, PosixSignal.SIGHUP])
            {
                _signalRegistrations.Add(PosixSignalRegistration.Create(signal, _ => CleanUpAtExit()));
            }
        }
    }

    /// <summary>
    /// Npgsql connection string to the <c>postgres</c> database as the superuser, e.g.
    /// <c>Host=127.0.0.1;Port=41234;Username=postgres;Password=…;Database=postgres</c>.
    /// It holds the password: do not log it.
    /// </summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>TCP port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>Directory of the server binaries the cluster runs.</summary>
    public string BinDirectory => _binaries.BinDirectory;

    /// <summary>The cluster's data directory (inside its temporary directory).</summary>
    public string DataDirectory => _directory.Data;

    /// <summary>The server's log file (inside the temporary directory, so deleted with it).</summary>
    public string LogFile => _directory.LogFile;

    /// <summary>The server's major version, as written by <c>initdb</c> (e.g. <c>15</c>).</summary>
    public string ServerVersion { get; private set; } = string.Empty;

    /// <summary>The temporary directory holding the data directory, socket and log.</summary>
    internal string RootDirectory => _directory.Root;

    /// <summary>
    /// Creates and starts a throw-away cluster: <c>initdb</c> in a fresh temporary directory, a free
    /// port on 127.0.0.1 (picked again if another process takes it first), then
    /// <c>pg_ctl start -w</c>.
    /// </summary>
    /// <param name="options">Settings; <see langword="null"/> for all defaults.</param>
    /// <param name="cancellationToken">Cancels the start; whatever was created is removed.</param>
    /// <exception cref="LocalPostgresException">
    /// The server binaries are missing, or <c>initdb</c> or <c>pg_ctl</c> failed (the message ends
    /// with the tail of their output and of the server log).
    /// </exception>
    public static async Task<LocalPostgresCluster> StartAsync(LocalPostgresOptions? options, CancellationToken cancellationToken)
    {
        options ??= new LocalPostgresOptions();
        Validate(options);
        var logger = options.Logger ?? NullLogger.Instance;
        var binaries = await PostgresBinaries.LocateAsync(options.BinDirectory, cancellationToken);
        var osUser = Environment.IsPrivilegedProcess ? options.OsUser : null;
        var parent = Path.GetFullPath(options.TemporaryRoot ?? Path.GetTempPath());

        await StaleClusters.RemoveAsync(parent, binaries, osUser, logger, cancellationToken);

        var directory = ClusterDirectory.Create(parent);
        var cluster = new LocalPostgresCluster(directory, binaries, osUser, options, logger);
        try
        {
            await cluster.InitializeAndStartAsync(options, cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates a database named exactly <paramref name="name"/> (quoted, so any valid name up to
    /// 63 bytes) and returns the connection string to it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The cluster has been stopped.</exception>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        DatabaseNames.Validate(name);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var admin = _admin ?? throw new InvalidOperationException("The PostgreSQL cluster has been stopped.");
        await DatabaseCommands.CreateAsync(admin, name, _supportsFileCopy, cancellationToken);
        _logger.DatabaseCreated(name, Port);
        return ConnectionStringFor(name);
    }

    /// <summary>
    /// Stops the server (<c>pg_ctl stop -m fast</c>, then <c>-m immediate</c> if that fails) and
    /// keeps the directory. Does nothing when already stopped.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await StopCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Starts a server stopped by <see cref="StopAsync"/> again, on the same port and data directory, so the same
    /// connection strings work (fault tests stop and restart a database under traffic). Does nothing when running.
    /// </summary>
    /// <exception cref="LocalPostgresException"><c>pg_ctl start</c> failed.</exception>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_admin is not null)
            {
                return;
            }

            var result = await PgCtlAsync(StartArguments(), cancellationToken);
            if (!result.Succeeded)
            {
                throw new LocalPostgresException(
                    $"pg_ctl start failed with exit code {result.ExitCode} (port {Port}, data directory {_directory.Data})." + ToolRunner.FormatTail(result.OutputTail));
            }

            _admin = NpgsqlDataSource.Create(ConnectionString);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the server and deletes the whole temporary directory. Never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Unregister();
        try
        {
            await StopAsync(CancellationToken.None);
        }
        catch (LocalPostgresException exception)
        {
            // Deleting the data directory makes a server that would not stop shut itself down
            // within a minute (it checks its lock file), so go on.
            _logger.StopFailed(_directory.Data, exception);
        }

        try
        {
            _directory.Delete();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _logger.DeleteFailed(_directory.Root, exception);
        }
        finally
        {
            _cleanedUp.Set();
        }
    }

    private static void Validate(LocalPostgresOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxConnections);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Timeout, TimeSpan.Zero);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Locale);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OsUser);
    }

    private async Task InitializeAndStartAsync(LocalPostgresOptions options, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var socketPath = Path.Combine(_directory.SocketDirectory, ".s.PGSQL.65535");
        if (Encoding.UTF8.GetByteCount(socketPath) > MaxUnixSocketPath)
        {
            throw new LocalPostgresException(
                $"The Unix socket path '{socketPath}' is longer than {MaxUnixSocketPath} bytes; choose a shorter {nameof(LocalPostgresOptions.TemporaryRoot)}.");
        }

        await InitDbAsync(options.Locale, cancellationToken);
        ServerVersion = (await File.ReadAllTextAsync(Path.Combine(_directory.Data, "PG_VERSION"), cancellationToken)).Trim();
        _supportsFileCopy = int.TryParse(ServerVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var major) && major >= 15;
        await File.AppendAllTextAsync(
            Path.Combine(_directory.Data, "postgresql.conf"),
            $"{Environment.NewLine}# Throw-away cluster settings of Authsome.Hosting{Environment.NewLine}include 'authsome.conf'{Environment.NewLine}",
            cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port != 0 ? options.Port : FreePort.Pick();
            await File.WriteAllTextAsync(_directory.SettingsFile, Settings(port, options.MaxConnections), cancellationToken);
            if (attempt == 1)
            {
                await GrantToOsUserAsync(_directory.SettingsFile, cancellationToken);
            }

            var result = await PgCtlAsync(StartArguments(), cancellationToken);
            if (result.Succeeded)
            {
                Port = port;
                break;
            }

            var log = _directory.ReadLogTail();
            if (options.Port == 0 && attempt < MaxStartAttempts && IsPortTaken(log))
            {
                _logger.PortTaken(port, attempt + 1);
                continue;
            }

            throw new LocalPostgresException(
                $"pg_ctl start failed with exit code {result.ExitCode} (port {port}, data directory {_directory.Data})."
                + ToolRunner.FormatTail(result.OutputTail)
                + (string.IsNullOrWhiteSpace(log) ? string.Empty : $"{Environment.NewLine}Server log (last lines):{Environment.NewLine}{log.TrimEnd()}"));
        }

        ConnectionString = ConnectionStringFor(MaintenanceDatabase);
        _admin = NpgsqlDataSource.Create(ConnectionString);
        _logger.ClusterStarted(ServerVersion, Port, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, _directory.Data);
    }

    private async Task InitDbAsync(string locale, CancellationToken cancellationToken)
    {
        _directory.WriteSecret(_directory.PasswordFile, _password);
        try
        {
            await GrantToOsUserAsync(_directory.Root, cancellationToken);
            var result = await ToolRunner.RunAsync(
                _binaries.Initdb,
                [
                    "--pgdata", _directory.Data,
                    "--username", Superuser,
                    "--pwfile", _directory.PasswordFile,
                    "--auth", "scram-sha-256",
                    "--encoding", "UTF8",
                    "--locale", locale,
                    "--no-sync",
                ],
                _osUser,
                _directory.Root,
                _timeout,
                cancellationToken);
            if (!result.Succeeded)
            {
                throw new LocalPostgresException(
                    $"initdb failed with exit code {result.ExitCode} (data directory {_directory.Data}).{PermissionHint(result.OutputTail)}"
                    + ToolRunner.FormatTail(result.OutputTail));
            }
        }
        finally
        {
            File.Delete(_directory.PasswordFile);
        }
    }

    /// <summary>When running as root, a permission error usually means the OS user cannot reach the temporary root.</summary>
    private string PermissionHint(string output) =>
        _osUser is not null && output.Contains("Permission denied", StringComparison.Ordinal)
            ? $" It ran as the OS user '{_osUser}' because this process is root: every directory above {_directory.Root} must be searchable by that user."
            : string.Empty;

    private string Settings(int port, int maxConnections)
    {
        var socketDirectory = _directory.SocketDirectory.Replace("'", "''", StringComparison.Ordinal);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            listen_addresses = '{Loopback}'
            port = {port}
            unix_socket_directories = '{socketDirectory}'
            max_connections = {maxConnections}
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            wal_level = minimal
            max_wal_senders = 0
            logging_collector = off

            """);
    }

    private static bool IsPortTaken(string serverLog) =>
        serverLog.Contains("Address already in use", StringComparison.Ordinal)
        || serverLog.Contains("could not create any TCP/IP sockets", StringComparison.Ordinal);

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
            _admin = null;
        }

        if (!File.Exists(_directory.PostmasterPidFile))
        {
            return;
        }

        var fast = await PgCtlAsync(StopArguments("fast"), cancellationToken);
        if (!fast.Succeeded)
        {
            _logger.FastStopFailed(_directory.Data, fast.OutputTail);
            var immediate = await PgCtlAsync(StopArguments("immediate"), cancellationToken);
            if (!immediate.Succeeded && File.Exists(_directory.PostmasterPidFile))
            {
                throw new LocalPostgresException(
                    $"pg_ctl stop failed with exit code {immediate.ExitCode} (data directory {_directory.Data}).{ToolRunner.FormatTail(immediate.OutputTail)}");
            }
        }

        _logger.ClusterStopped(Port);
    }

    private string[] StartArguments() =>
        ["start", "--pgdata", _directory.Data, "--log", _directory.LogFile, "--wait", "--timeout", TimeoutSeconds(), "--silent"];

    private string[] StopArguments(string mode) =>
        ["stop", "--pgdata", _directory.Data, "--mode", mode, "--wait", "--timeout", TimeoutSeconds(), "--silent"];

    private string TimeoutSeconds() => Math.Max(1, (int)_timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private Task<ToolResult> PgCtlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        ToolRunner.RunAsync(_binaries.PgCtl, arguments, _osUser, _directory.Root, _timeout + TimeSpan.FromSeconds(10), cancellationToken);

    /// <summary>When running as root, hands <paramref name="path"/> (recursively) to the OS user that runs the server.</summary>
    private async Task GrantToOsUserAsync(string path, CancellationToken cancellationToken)
    {
        if (_osUser is null)
        {
            return;
        }

        var result = await ToolRunner.RunAsync(
            "chown", ["-R", _osUser + ":", path], runAsUser: null, _directory.Root, _timeout, cancellationToken);
        if (!result.Succeeded)
        {
            throw new LocalPostgresException(
                $"Could not hand '{path}' to the OS user '{_osUser}' (this process is root and PostgreSQL refuses to run as root; "
                + $"does the user exist?).{ToolRunner.FormatTail(result.OutputTail)}");
        }
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Loopback,
            Port = Port,
            Username = Superuser,
            Password = _password,
            Database = database,
        }.ConnectionString;

    private void Unregister()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var registration in _signalRegistrations)
        {
            registration.Dispose();
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => CleanUpAtExit();

    /// <summary>
    /// Best effort when the process ends (normally, or on a signal when asked) without disposing:
    /// stop at once, delete everything. Synchronous: nothing can be awaited at this point.
    /// </summary>
    private void CleanUpAtExit()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            // A dispose or an exit clean-up is under way (a signal can arrive during ProcessExit):
            // let it finish before the process ends.
            _cleanedUp.Wait(s_exitCleanUpWait);
            return;
        }

        try
        {
            if (File.Exists(_directory.PostmasterPidFile))
            {
                ToolRunner.Run(_binaries.PgCtl, StopArguments("immediate"), _osUser, _directory.Root, TimeSpan.FromSeconds(15));
            }

            _directory.Delete();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or LocalPostgresException)
        {
            // Nothing more can be done while the process exits; the next start removes leftovers.
        }
        finally
        {
            _cleanedUp.Set();
        }
    }
}
