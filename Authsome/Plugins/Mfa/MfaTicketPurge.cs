using Authsome.Maintenance;
using Authsome.Plugins.Mfa.Store;

namespace Authsome.Plugins.Mfa;

/// <summary>Deletes expired MFA tickets with the engine's periodic purge (a used ticket is deleted at once).</summary>
internal sealed class MfaTicketPurge(IMfaStore store) : IExpiredDataPurge
{
    public ValueTask<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => store.PurgeExpiredTicketsAsync(now, cancellationToken);
}
