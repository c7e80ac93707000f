namespace Authsome.Hosting.Tests;

public sealed class PostgresBinariesTests
{
    [Fact]
    public async Task LocateAsync_FindsTheServerProgramsOnThisMachine()
    {
        var binaries = await PostgresBinaries.LocateAsync(binDirectory: null, TestContext.Current.CancellationToken);

        Assert.True(File.Exists(binaries.Initdb));
        Assert.True(File.Exists(binaries.PgCtl));
        Assert.True(File.Exists(Path.Combine(binaries.BinDirectory, "postgres")));
    }

    [Fact]
    public async Task LocateAsync_NamesThePackageWhenAConfiguredDirectoryLacksThem()
    {
        using var empty = new TemporaryDirectory();

        var exception = await Assert.ThrowsAsync<LocalPostgresException>(
            () => PostgresBinaries.LocateAsync(empty.Path, TestContext.Current.CancellationToken));

        Assert.StartsWith(
            "PostgreSQL server binaries not found; install the 'postgresql' package", exception.Message, StringComparison.Ordinal);
        Assert.Contains(empty.Path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_FailsClearlyWithoutBinaries()
    {
        using var empty = new TemporaryDirectory();

        var exception = await Assert.ThrowsAsync<LocalPostgresException>(() => LocalPostgresCluster.StartAsync(
            new LocalPostgresOptions { BinDirectory = empty.Path, TemporaryRoot = empty.Path }, TestContext.Current.CancellationToken));

        Assert.Contains("install the 'postgresql' package", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty.Path));
    }

    [Fact]
    public void DebianCandidates_PutsTheHighestVersionFirst()
    {
        using var root = new TemporaryDirectory();
        foreach (var version in new[] { "9.6", "15", "16", "notaversion" })
        {
            Directory.CreateDirectory(Path.Combine(root.Path, version, "bin"));
        }

        var candidates = PostgresBinaries.DebianCandidates(root.Path).Select(c => Path.GetFileName(Path.GetDirectoryName(c))).ToList();

        Assert.Equal(["16", "15", "9.6"], candidates);
    }

    [Fact]
    public void DebianCandidates_IsEmptyWithoutTheDirectory() =>
        Assert.Empty(PostgresBinaries.DebianCandidates("/nonexistent/postgresql"));
}
