using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Authsome.Hosting.Tests;

/// <summary>Each test here owns its cluster from start to dispose (one at a time).</summary>
public sealed class LocalPostgresClusterLifecycleTests
{
    [Fact]
    public async Task DisposeAsync_StopsTheServerAndLeavesNothingBehind()
    {
        var ct = TestContext.Current.CancellationToken;
        var logger = new ListLogger();
        var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { Logger = logger }, ct);
        var password = new NpgsqlConnectionStringBuilder(cluster.ConnectionString).Password!;
        var root = cluster.RootDirectory;
        var port = cluster.Port;
        var postmaster = Processes.PostmasterPid(cluster.DataDirectory);
        Assert.True(Processes.IsRunning(postmaster));
        Assert.True(await FreePort.IsListeningAsync(port, ct));

        await cluster.DisposeAsync();

        Assert.False(Directory.Exists(cluster.DataDirectory));
        Assert.False(Directory.Exists(root));
        Assert.False(await FreePort.IsListeningAsync(port, ct));
        Assert.True(await Processes.EndsWithinAsync(postmaster, TimeSpan.FromSeconds(5), ct), "the postmaster still runs");

        await cluster.DisposeAsync(); // twice is harmless
        Assert.Contains(logger.Entries, e => e.EventId.Id == 6101 && e.Message.Contains($"127.0.0.1:{port}", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.EventId.Id == 6103);
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopAsync_StopsTheServerButKeepsTheDirectory()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await LocalPostgresCluster.StartAsync(options: null, ct);
        var postmaster = Processes.PostmasterPid(cluster.DataDirectory);

        await cluster.StopAsync(ct);

        Assert.True(Directory.Exists(cluster.DataDirectory));
        Assert.False(File.Exists(Path.Combine(cluster.DataDirectory, "postmaster.pid")));
        Assert.True(await Processes.EndsWithinAsync(postmaster, TimeSpan.FromSeconds(5), ct), "the postmaster still runs");
        Assert.False(await FreePort.IsListeningAsync(cluster.Port, ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.CreateDatabaseAsync("late", ct));
        await cluster.StopAsync(ct); // twice is harmless
    }

    [Fact]
    public async Task StartAsync_ReportsAnInitdbFailureWithItsOutputAndCleansUp()
    {
        var ct = TestContext.Current.CancellationToken;
        using var parent = new TemporaryDirectory();

        var exception = await Assert.ThrowsAsync<LocalPostgresException>(() => LocalPostgresCluster.StartAsync(
            new LocalPostgresOptions { TemporaryRoot = parent.Path, Locale = "xx_NOT_A_LOCALE" }, ct));

        Assert.Contains("initdb failed", exception.Message, StringComparison.Ordinal);
        Assert.Contains("xx_NOT_A_LOCALE", exception.Message, StringComparison.Ordinal); // initdb's own words
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent.Path));
    }

    [Fact]
    public async Task StartAsync_ReportsAStartFailureWithTheServerLogAndCleansUp()
    {
        var ct = TestContext.Current.CancellationToken;
        using var parent = new TemporaryDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        // A fixed port is tried once, so a port already in use is a clear failure.
        var exception = await Assert.ThrowsAsync<LocalPostgresException>(
            () => LocalPostgresCluster.StartAsync(new LocalPostgresOptions { TemporaryRoot = parent.Path, Port = port }, ct));

        Assert.Contains("pg_ctl start failed", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Address already in use", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(parent.Path));
    }

    [Fact]
    public async Task StaleClusters_StopsAndRemovesAClusterWhoseOwnerIsGone()
    {
        var ct = TestContext.Current.CancellationToken;
        using var parent = new TemporaryDirectory();
        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { TemporaryRoot = parent.Path }, ct);
        var postmaster = Processes.PostmasterPid(cluster.DataDirectory);
        await File.WriteAllTextAsync(
            Path.Combine(cluster.RootDirectory, "owner.pid"), DeadProcessId().ToString(CultureInfo.InvariantCulture), ct);
        var binaries = await PostgresBinaries.LocateAsync(cluster.BinDirectory, ct);

        await StaleClusters.RemoveAsync(parent.Path, binaries, OsUser(), NullLogger.Instance, ct);

        Assert.False(Directory.Exists(cluster.RootDirectory));
        Assert.True(await Processes.EndsWithinAsync(postmaster, TimeSpan.FromSeconds(5), ct), "the postmaster still runs");
    }

    [Fact]
    public async Task StaleClusters_LeavesAClusterWhoseOwnerRuns()
    {
        var ct = TestContext.Current.CancellationToken;
        using var parent = new TemporaryDirectory();
        var live = Path.Combine(parent.Path, "authsome-pg-0000live");
        Directory.CreateDirectory(live);
        await File.WriteAllTextAsync(Path.Combine(live, "owner.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), ct);
        var binaries = await PostgresBinaries.LocateAsync(binDirectory: null, ct);

        await StaleClusters.RemoveAsync(parent.Path, binaries, OsUser(), NullLogger.Instance, ct);

        Assert.True(Directory.Exists(live));
    }

    private static string? OsUser() => Environment.IsPrivilegedProcess ? new LocalPostgresOptions().OsUser : null;

    /// <summary>The id of a process that has exited (a short-lived child, reaped).</summary>
    private static int DeadProcessId()
    {
        using var process = Process.Start("true");
        process.WaitForExit();
        return process.Id;
    }
}
