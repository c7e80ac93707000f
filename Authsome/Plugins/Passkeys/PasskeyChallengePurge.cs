using Authsome.Maintenance;
using Authsome.Plugins.Passkeys.Store;

namespace Authsome.Plugins.Passkeys;

/// <summary>Deletes expired passkey challenges with the engine's periodic purge (an answered challenge is deleted at once).</summary>
internal sealed class PasskeyChallengePurge(IPasskeyStore store) : IExpiredDataPurge
{
    public ValueTask<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => store.PurgeExpiredChallengesAsync(now, cancellationToken);
}
