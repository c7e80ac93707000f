using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Authsome.Fault.Tests.Infrastructure;

/// <summary>
/// A mongo-compat server of this test's own (DocumentDB on PostgreSQL 18 behind the kit's wire-protocol gateway), so the
/// test can kill it and start it again without touching the shared server other tests use. It reuses the kit's installed
/// chroot (<c>MONGO_COMPAT_ROOT</c>, default <c>/opt/mongo-compat</c>) with a cluster in a directory of its own on free
/// ports, and the kit's <c>gateway.mjs</c> (<c>MONGO_COMPAT_KIT</c>, default <c>../shared/tools/mongo-compat</c> beside the
/// repository). Needs root (chroot); the test skips when the kit is missing, unless <c>AUTHSOME_TEST_MONGO_REQUIRED=1</c>.
/// </summary>
internal sealed class PrivateMongoCompat : IAsyncDisposable
{
    private const string PgBin = "/usr/lib/postgresql/18/bin";

    private readonly string root;
    private readonly string dataDir;
    private readonly string gatewayDir;
    private readonly int pgPort;
    private Process? gateway;

    private PrivateMongoCompat(string root, string dataDir, string gatewayDir, int pgPort, int port)
    {
        this.root = root;
        this.dataDir = dataDir;
        this.gatewayDir = gatewayDir;
        this.pgPort = pgPort;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string for a database of this server, with short timeouts so an outage answers in seconds.</summary>
    public string ConnectionString(string database) =>
        $"mongodb://127.0.0.1:{Port}/{database}?directConnection=true&serverSelectionTimeoutMS=3000&connectTimeoutMS=2000&socketTimeoutMS=5000";

    public static async Task<PrivateMongoCompat> StartAsync(CancellationToken cancellationToken)
    {
        var root = Environment.GetEnvironmentVariable("MONGO_COMPAT_ROOT") is { Length: > 0 } r ? r : "/opt/mongo-compat";
        var kit = Environment.GetEnvironmentVariable("MONGO_COMPAT_KIT") is { Length: > 0 } k ? k : FindKit();
        var required = Environment.GetEnvironmentVariable("AUTHSOME_TEST_MONGO_REQUIRED") == "1";
        var missing = !OperatingSystem.IsLinux() || Environment.UserName != "root" ? "this test needs root on Linux (chroot)"
            : !File.Exists(Path.Combine(root, PgBin.TrimStart('/'), "pg_ctl")) ? $"no mongo-compat chroot at {root} (run the kit's start.sh once)"
            : kit is null || !File.Exists(Path.Combine(kit, "gateway.mjs")) ? "no mongo-compat kit (set MONGO_COMPAT_KIT to the folder with gateway.mjs)"
            : null;
        if (missing is not null)
        {
            Assert.False(required, $"The MongoDB fault test cannot run: {missing}.");
            Assert.Skip($"The MongoDB fault test needs a private mongo-compat server: {missing}.");
        }

        var name = $"authsome-fault-{Guid.NewGuid():N}"[..28];
        var mongo = new PrivateMongoCompat(root, $"/var/lib/{name}", Path.Combine(Path.GetTempPath(), name), FreePort(), FreePort());
        try
        {
            await mongo.InitializeAsync(kit!, cancellationToken);
            await mongo.RestartAsync(cancellationToken);
            return mongo;
        }
        catch
        {
            await mongo.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL of the gateway and an immediate stop of the database: clients see connections refused, mid-request.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (gateway is { HasExited: false })
        {
            gateway.Kill(entireProcessTree: true);
            await gateway.WaitForExitAsync(cancellationToken);
        }

        gateway?.Dispose();
        gateway = null;
        await InChrootAsync($"if su postgres -c '{PgBin}/pg_ctl -D {dataDir} status' >/dev/null; then su postgres -c '{PgBin}/pg_ctl -D {dataDir} -m immediate -w stop'; fi", cancellationToken);
    }

    /// <summary>Starts the database and the gateway on the same ports, and waits until the gateway listens.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await InChrootAsync($"su postgres -c '{PgBin}/pg_ctl -D {dataDir} -l {dataDir}/pg.log -w start'", cancellationToken);
        var start = new ProcessStartInfo("node", [Path.Combine(gatewayDir, "gateway.mjs")])
        {
            WorkingDirectory = gatewayDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PG_URL"] = $"postgres://postgres@127.0.0.1:{pgPort}/postgres";
        start.Environment["GW_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        gateway = Process.Start(start)!;
        _ = gateway.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = gateway.StandardError.ReadToEndAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        throw new TimeoutException($"The private mongo-compat gateway did not listen on {Port} within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        var data = Path.Combine(root, dataDir.TrimStart('/'));
        if (Directory.Exists(data))
        {
            await KillAsync(CancellationToken.None);
            Directory.Delete(data, recursive: true);
        }

        if (Directory.Exists(gatewayDir))
        {
            Directory.Delete(gatewayDir, recursive: true);
        }
    }

    private async Task InitializeAsync(string kit, CancellationToken cancellationToken)
    {
        await InChrootAsync($"mkdir -p {dataDir} && chown postgres:postgres {dataDir} && su postgres -c '{PgBin}/initdb -D {dataDir} -U postgres --auth=trust'", cancellationToken);
        // synchronous_commit stays on: the test stops the database as a crash would ('immediate'), and with it off the
        // last acknowledged commits are lost, so a refresh answered 200 leaves a token the database never stored. fsync
        // off is harmless here: a process crash keeps what the OS was given.
        await File.AppendAllTextAsync(
            Path.Combine(root, dataDir.TrimStart('/'), "postgresql.conf"),
            $"""

            listen_addresses = '127.0.0.1'
            port = {pgPort}
            unix_socket_directories = '/tmp'
            shared_preload_libraries = 'pg_cron,pg_documentdb_core,pg_documentdb'
            cron.database_name = 'postgres'
            fsync = off
            synchronous_commit = on
            full_page_writes = off

            """,
            cancellationToken);
        await InChrootAsync($"su postgres -c '{PgBin}/pg_ctl -D {dataDir} -l {dataDir}/pg.log -w start'", cancellationToken);
        await InChrootAsync($"su postgres -c \"psql -q -h /tmp -p {pgPort} -c 'CREATE EXTENSION documentdb CASCADE;'\"", cancellationToken);
        await InChrootAsync($"su postgres -c '{PgBin}/pg_ctl -D {dataDir} -m fast -w stop'", cancellationToken);

        // The gateway's files, with the packages the kit's start.sh installed (or installed here when it has not run).
        Directory.CreateDirectory(gatewayDir);
        foreach (var file in new[] { "gateway.mjs", "pgcodes.json", "package.json" })
        {
            File.Copy(Path.Combine(kit, file), Path.Combine(gatewayDir, file));
        }

        var run = Environment.GetEnvironmentVariable("MONGO_COMPAT_RUN") is { Length: > 0 } r ? r : "/tmp/mongo-compat-run";
        var installed = Path.Combine(run, "gateway", "node_modules");
        if (Directory.Exists(Path.Combine(installed, "pg")) && Directory.Exists(Path.Combine(installed, "bson")))
        {
            Directory.CreateSymbolicLink(Path.Combine(gatewayDir, "node_modules"), installed);
        }
        else
        {
            await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--silent"], gatewayDir, cancellationToken);
        }
    }

    private Task InChrootAsync(string command, CancellationToken cancellationToken) =>
        RunAsync("chroot", [root, "bash", "-c", command], null, cancellationToken);

    private static async Task RunAsync(string file, string[] arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    // The kit beside the repository, as CI lays it out: <repo>/../shared/tools/mongo-compat.
    private static string? FindKit()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Authsome.sln")))
            {
                var kit = Path.Combine(dir.FullName, "..", "shared", "tools", "mongo-compat");
                return Directory.Exists(kit) ? Path.GetFullPath(kit) : null;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
