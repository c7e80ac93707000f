using Authsome.Store;
using Authsome.Store.Memory;

namespace Authsome.Plugins.Social;

/// <summary>Linked accounts beside the in-memory store's data, under its lock; they go with their user's app.</summary>
internal sealed class MemorySocialAccountStore : ISocialAccountStore
{
    private const string Entity = "social account";

    private readonly MemoryPluginContext context;

    // Touched only under the store's lock.
    private readonly Dictionary<Id<SocialAccount>, SocialAccount> accounts = [];

    public MemorySocialAccountStore(MemoryPluginContext context)
    {
        this.context = context;
        context.DeleteWithUsers(users =>
        {
            foreach (var owned in accounts.Values.Where(a => users.Contains(a.UserId)).ToList())
            {
                accounts.Remove(owned.Id);
            }
        });
    }

    public ValueTask CreateAsync(SocialAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return context.RunAsync(
            () =>
            {
                context.EnsureUserExists(account.UserId, Entity);
                if (accounts.ContainsKey(account.Id) || accounts.Values.Any(a => a.AppId == account.AppId && a.Provider == account.Provider && a.Subject == account.Subject))
                {
                    throw new StoreConflictException(ConflictKind.Duplicate, Entity);
                }

                accounts[account.Id] = account;
            },
            cancellationToken);
    }

    public ValueTask<SocialAccount?> GetAsync(Id<SocialAccount> id, CancellationToken cancellationToken) =>
        context.RunAsync(() => accounts.GetValueOrDefault(id), cancellationToken);

    public ValueTask<SocialAccount?> GetBySubjectAsync(Id<App> appId, string provider, string subject, CancellationToken cancellationToken) =>
        context.RunAsync(() => accounts.Values.FirstOrDefault(a => a.AppId == appId && a.Provider == provider && a.Subject == subject), cancellationToken);

    public ValueTask<IReadOnlyList<SocialAccount>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        context.RunAsync<IReadOnlyList<SocialAccount>>(() => [.. accounts.Values.Where(a => a.UserId == userId).OrderBy(a => a.Id)], cancellationToken);

    public ValueTask UpdateAsync(SocialAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return context.RunAsync(
            () =>
            {
                if (!accounts.TryGetValue(account.Id, out var stored))
                {
                    throw new StoreNotFoundException(Entity);
                }

                accounts[account.Id] = stored with
                {
                    Email = account.Email,
                    ProtectedAccessToken = account.ProtectedAccessToken,
                    ProtectedRefreshToken = account.ProtectedRefreshToken,
                    UpdatedAt = account.UpdatedAt,
                };
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<SocialAccount> id, CancellationToken cancellationToken) =>
        context.RunAsync(() => accounts.Remove(id), cancellationToken);
}

/// <summary>Social grants beside the in-memory store's data, under its lock.</summary>
internal sealed class MemorySocialGrantStore : ISocialGrantStore
{
    private readonly MemoryPluginContext context;

    // Touched only under the store's lock.
    private readonly Dictionary<SecretHash, SocialGrant> grants = [];

    public MemorySocialGrantStore(MemoryPluginContext context)
    {
        this.context = context;
        context.DeleteWithUsers(users =>
        {
            foreach (var owned in grants.Where(g => g.Value.UserId is { } user && users.Contains(user)).ToList())
            {
                grants.Remove(owned.Key);
            }
        });
    }

    public ValueTask CreateAsync(SocialGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return context.RunAsync(
            () =>
            {
                if (grants.ContainsKey(grant.TokenHash) || grants.Values.Any(g => g.Id == grant.Id))
                {
                    throw new StoreConflictException(ConflictKind.Duplicate, "social grant");
                }

                grants[grant.TokenHash] = grant;
            },
            cancellationToken);
    }

    public ValueTask<SocialGrant?> ConsumeAsync(Id<App> appId, SocialGrantKind kind, SecretHash tokenHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        context.RunAsync<SocialGrant?>(
            () =>
            {
                var at = StoreTime.Normalize(now);
                if (!grants.TryGetValue(tokenHash, out var grant) || grant.AppId != appId || grant.Kind != kind || grant.ConsumedAt is not null || grant.ExpiresAt <= at)
                {
                    return null;
                }

                return grants[tokenHash] = grant with { ConsumedAt = at };
            },
            cancellationToken);

    public ValueTask<int> PurgeAsync(DateTimeOffset expiredBy, CancellationToken cancellationToken) =>
        context.RunAsync(() => grants.Where(g => g.Value.ExpiresAt <= StoreTime.Normalize(expiredBy)).ToList().Count(g => grants.Remove(g.Key)), cancellationToken);
}
