using Authsome.Hosting;

namespace Authsome.AppHost.Postgres;

/// <summary>
/// Owns the clusters the AppHost started: the host disposes it when it stops (after the projects), which stops every
/// cluster and deletes its directory, and stops the tailing of their logs.
/// </summary>
internal sealed class LocalPostgresClusters : IAsyncDisposable
{
    private readonly List<LocalPostgresCluster> _clusters = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled when the AppHost stops.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public void Add(LocalPostgresCluster cluster)
    {
        lock (_clusters)
        {
            _clusters.Add(cluster);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        LocalPostgresCluster[] clusters;
        lock (_clusters)
        {
            clusters = [.. _clusters];
            _clusters.Clear();
        }

        foreach (var cluster in clusters)
        {
            await cluster.DisposeAsync();
        }

        _stopping.Dispose();
    }
}
