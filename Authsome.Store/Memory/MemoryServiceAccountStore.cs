namespace Authsome.Store.Memory;

internal sealed class MemoryServiceAccountStore(MemoryState state) : IServiceAccountStore
{
    private MemoryTable<ServiceAccount> Accounts => state.ServiceAccounts;

    public ValueTask CreateAsync(ServiceAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return state.Run(() => Accounts.Insert(account), cancellationToken);
    }

    public ValueTask<ServiceAccount?> GetAsync(Id<ServiceAccount> id, CancellationToken cancellationToken) =>
        state.Run(() => Accounts.Get(id), cancellationToken);

    public ValueTask UpdateAsync(ServiceAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return state.Run(
            () =>
            {
                var stored = Accounts.Get(account.Id) ?? throw new StoreNotFoundException(Accounts.Entity);
                Accounts.Replace(account with { CreatedAt = stored.CreatedAt });
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<ServiceAccount> id, CancellationToken cancellationToken) =>
        state.Run(() => Accounts.Remove(id), cancellationToken);

    public ValueTask<Page<ServiceAccount>> ListAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        state.Run(() => Accounts.Page(a => a.AppId == appId, page), cancellationToken);
}
