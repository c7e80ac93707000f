namespace Authsome.Hosting.Tests;

/// <summary>One throw-away cluster shared by the tests of a class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private LocalPostgresCluster? _cluster;

    public LocalPostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync() =>
        _cluster = await LocalPostgresCluster.StartAsync(options: null, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
