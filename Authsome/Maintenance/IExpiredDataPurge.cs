namespace Authsome.Maintenance;

/// <summary>
/// A plugin's data that expires (MFA tickets, passkey challenges, magic links, social grants, retired signing keys): register one as a singleton and the engine's purger calls it at
/// every <c>Authsome:PurgeInterval</c>, after the store's own purge. It must be idempotent, as several instances may
/// run it at once.
/// </summary>
public interface IExpiredDataPurge
{
    /// <summary>Deletes what expired at or before <paramref name="now"/>; returns how many records.</summary>
    ValueTask<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
