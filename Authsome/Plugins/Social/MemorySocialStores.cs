using System.Collections.Concurrent;
using Authsome.Store;

namespace Authsome.Plugins.Social;

/// <summary>Linked accounts in process memory.</summary>
internal sealed class MemorySocialAccountStore : ISocialAccountStore
{
    private readonly ConcurrentDictionary<Id<SocialAccount>, SocialAccount> accounts = new();
    private readonly Lock gate = new();

    public ValueTask CreateAsync(SocialAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (gate)
        {
            if (accounts.ContainsKey(account.Id) || accounts.Values.Any(a => a.AppId == account.AppId && a.Provider == account.Provider && a.Subject == account.Subject))
            {
                throw new StoreConflictException(ConflictKind.Duplicate, "social_account");
            }

            accounts[account.Id] = account;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<SocialAccount?> GetAsync(Id<SocialAccount> id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(accounts.GetValueOrDefault(id));

    public ValueTask<SocialAccount?> GetBySubjectAsync(Id<App> appId, string provider, string subject, CancellationToken cancellationToken) =>
        ValueTask.FromResult(accounts.Values.FirstOrDefault(a => a.AppId == appId && a.Provider == provider && a.Subject == subject));

    public ValueTask<IReadOnlyList<SocialAccount>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken)
    {
        IReadOnlyList<SocialAccount> list = [.. accounts.Values.Where(a => a.UserId == userId).OrderBy(a => a.Id)];
        return ValueTask.FromResult(list);
    }

    public ValueTask UpdateAsync(SocialAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (gate)
        {
            if (!accounts.ContainsKey(account.Id))
            {
                throw new StoreNotFoundException("social_account");
            }

            accounts[account.Id] = account;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> DeleteAsync(Id<SocialAccount> id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(accounts.TryRemove(id, out _));
}

/// <summary>Social grants in process memory.</summary>
internal sealed class MemorySocialGrantStore : ISocialGrantStore
{
    private readonly ConcurrentDictionary<SecretHash, SocialGrant> grants = new();
    private readonly Lock gate = new();

    public ValueTask CreateAsync(SocialGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        lock (gate)
        {
            if (grants.ContainsKey(grant.TokenHash) || grants.Values.Any(g => g.Id == grant.Id))
            {
                throw new StoreConflictException(ConflictKind.Duplicate, "social_grant");
            }

            grants[grant.TokenHash] = grant;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<SocialGrant?> ConsumeAsync(Id<App> appId, SocialGrantKind kind, SecretHash tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        now = StoreTime.Normalize(now);
        lock (gate)
        {
            if (!grants.TryGetValue(tokenHash, out var grant) || grant.AppId != appId || grant.Kind != kind || grant.ConsumedAt is not null || grant.ExpiresAt <= now)
            {
                return ValueTask.FromResult<SocialGrant?>(null);
            }

            var consumed = grant with { ConsumedAt = now };
            grants[tokenHash] = consumed;
            return ValueTask.FromResult<SocialGrant?>(consumed);
        }
    }

    public ValueTask<int> PurgeAsync(DateTimeOffset expiredBy, CancellationToken cancellationToken)
    {
        expiredBy = StoreTime.Normalize(expiredBy);
        lock (gate)
        {
            return ValueTask.FromResult(grants.Where(g => g.Value.ExpiresAt <= expiredBy).Count(g => grants.TryRemove(g.Key, out _)));
        }
    }
}
