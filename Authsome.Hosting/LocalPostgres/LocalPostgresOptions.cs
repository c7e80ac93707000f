using Microsoft.Extensions.Logging;

namespace Authsome.Hosting;

/// <summary>
/// Settings of a throw-away cluster started by <see cref="LocalPostgresCluster.StartAsync"/>.
/// Every property has a default suited to parallel test suites; a <see langword="null"/> options
/// object means all defaults.
/// </summary>
public sealed class LocalPostgresOptions
{
    /// <summary>
    /// Directory holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>. Default:
    /// <see langword="null"/>, found by <see cref="PostgresBinaries.LocateAsync"/> (the highest
    /// <c>/usr/lib/postgresql/*/bin</c>, then <c>pg_config --bindir</c>, then <c>PATH</c>).
    /// </summary>
    public string? BinDirectory { get; set; }

    /// <summary>
    /// Parent of the cluster's fresh temporary directory. Default: <see langword="null"/>, the
    /// system temporary directory (<see cref="Path.GetTempPath"/>, usually <c>/tmp</c>). Keep it
    /// short: the Unix socket path inside it must fit in 107 bytes.
    /// </summary>
    public string? TemporaryRoot { get; set; }

    /// <summary>
    /// TCP port on 127.0.0.1. Default: 0, a free port picked at start (and picked again if another
    /// process takes it first). A fixed port is tried once.
    /// </summary>
    public int Port { get; set; }

    /// <summary>The server's <c>max_connections</c>. Default: 300, enough for parallel test classes.</summary>
    public int MaxConnections { get; set; } = 300;

    /// <summary>
    /// Locale given to <c>initdb</c> (collation and character classes). Default: <c>C.UTF-8</c>,
    /// byte-order collation with Unicode-aware <c>lower()</c>/<c>upper()</c>.
    /// </summary>
    public string Locale { get; set; } = "C.UTF-8";

    /// <summary>
    /// Operating-system user that runs <c>initdb</c>, <c>pg_ctl</c> and the server when the current
    /// process is root (PostgreSQL refuses to run as root). Default: <c>postgres</c>, the user the
    /// Debian packages create. Ignored when the process is not root.
    /// </summary>
    public string OsUser { get; set; } = "postgres";

    /// <summary>
    /// Longest wait for <c>initdb</c>, for the server to accept connections, or to stop. Default:
    /// 2 minutes (a start takes about 1.5 s; the margin is for machines loaded by parallel builds).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Whether SIGTERM, SIGINT, SIGQUIT and SIGHUP stop and delete the cluster before the process
    /// ends. Since .NET 10 those signals end a process without raising
    /// <see cref="AppDomain.ProcessExit"/>, so without this a signalled process leaves its cluster
    /// running until the next start removes it. The handler does not cancel the signal: the
    /// process still ends as it would have. Default: <see langword="false"/>, because a host that
    /// shuts down gracefully on SIGTERM wants to dispose the cluster itself, after its services;
    /// <see cref="TestPostgresServer"/> turns it on.
    /// </summary>
    public bool StopOnTerminationSignals { get; set; }

    /// <summary>Receives start, stop and retry events. Default: <see langword="null"/>, no logging.</summary>
    public ILogger? Logger { get; set; }
}
