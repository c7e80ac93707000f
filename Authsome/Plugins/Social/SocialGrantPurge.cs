using Authsome.Maintenance;

namespace Authsome.Plugins.Social;

/// <summary>Deletes expired states and exchange codes.</summary>
internal sealed class SocialGrantPurge(ISocialGrantStore grants) : IExpiredDataPurge
{
    public ValueTask<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => grants.PurgeAsync(now, cancellationToken);
}
