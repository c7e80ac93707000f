using Authsome.Maintenance;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.MagicLink;

/// <summary>Deletes links once they are both expired and out of the per-address counting window.</summary>
internal sealed class MagicLinkPurge(IMagicLinkStore links, IOptionsMonitor<MagicLinkOptions> options) : IExpiredDataPurge
{
    public ValueTask<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        links.PurgeAsync(now - options.CurrentValue.EmailWindow, cancellationToken);
}
