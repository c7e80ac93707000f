using System.Collections.Concurrent;
using Authsome.Store;

namespace Authsome.Plugins.MagicLink;

/// <summary>Magic links in process memory.</summary>
internal sealed class MemoryMagicLinkStore : IMagicLinkStore
{
    private readonly ConcurrentDictionary<SecretHash, MagicLinkToken> byHash = new();
    private readonly Lock gate = new();

    public ValueTask CreateAsync(MagicLinkToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (gate)
        {
            if (byHash.ContainsKey(token.TokenHash) || byHash.Values.Any(t => t.Id == token.Id))
            {
                throw new StoreConflictException(ConflictKind.Duplicate, "magic_link");
            }

            byHash[token.TokenHash] = token;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<MagicLinkToken?> ConsumeAsync(Id<App> appId, SecretHash tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        now = StoreTime.Normalize(now);
        lock (gate)
        {
            if (!byHash.TryGetValue(tokenHash, out var token) || token.AppId != appId || token.ConsumedAt is not null || token.ExpiresAt <= now)
            {
                return ValueTask.FromResult<MagicLinkToken?>(null);
            }

            var consumed = token with { ConsumedAt = now };
            byHash[tokenHash] = consumed;
            return ValueTask.FromResult<MagicLinkToken?>(consumed);
        }
    }

    public ValueTask<int> CountSentSinceAsync(Id<App> appId, string email, DateTimeOffset since, CancellationToken cancellationToken)
    {
        since = StoreTime.Normalize(since);
        return ValueTask.FromResult(byHash.Values.Count(t => t.AppId == appId && t.Email == email && t.CreatedAt >= since));
    }

    public ValueTask<int> PurgeAsync(DateTimeOffset expiredBy, CancellationToken cancellationToken)
    {
        expiredBy = StoreTime.Normalize(expiredBy);
        var removed = 0;
        lock (gate)
        {
            foreach (var (hash, token) in byHash)
            {
                if (token.ExpiresAt <= expiredBy && byHash.TryRemove(hash, out _))
                {
                    removed++;
                }
            }
        }

        return ValueTask.FromResult(removed);
    }
}
