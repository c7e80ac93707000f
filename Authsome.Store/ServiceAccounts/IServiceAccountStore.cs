namespace Authsome.Store;

/// <summary>Service accounts.</summary>
public interface IServiceAccountStore
{
    ValueTask CreateAsync(ServiceAccount account, CancellationToken cancellationToken);

    ValueTask<ServiceAccount?> GetAsync(Id<ServiceAccount> id, CancellationToken cancellationToken);

    /// <summary>Replaces a service account's fields. Throws <see cref="StoreNotFoundException"/> when absent.</summary>
    ValueTask UpdateAsync(ServiceAccount account, CancellationToken cancellationToken);

    ValueTask<bool> DeleteAsync(Id<ServiceAccount> id, CancellationToken cancellationToken);

    /// <summary>An app's service accounts, in id order.</summary>
    ValueTask<Page<ServiceAccount>> ListAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken);
}
