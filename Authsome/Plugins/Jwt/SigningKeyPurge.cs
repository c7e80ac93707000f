using Authsome.Maintenance;

namespace Authsome.Plugins.Jwt;

/// <summary>Deletes signing keys no longer published.</summary>
internal sealed class SigningKeyPurge(ISigningKeyStore keys) : IExpiredDataPurge
{
    public ValueTask<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => keys.PurgeAsync(now, cancellationToken);
}
