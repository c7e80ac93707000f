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

    /// <summary>
    /// Gives the service account a role, app-wide (a service account belongs to no organization). Throws
    /// <see cref="StoreConflictException"/>: <see cref="ConflictKind.Duplicate"/> when it holds the role already,
    /// <see cref="ConflictKind.MissingReference"/> when the account or the role does not exist. Deleting the account,
    /// the role or the app removes the assignment.
    /// </summary>
    ValueTask AssignRoleAsync(Id<ServiceAccount> id, Id<Role> roleId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Takes a role from the service account; false when it did not hold it.</summary>
    ValueTask<bool> UnassignRoleAsync(Id<ServiceAccount> id, Id<Role> roleId, CancellationToken cancellationToken);

    /// <summary>The roles the service account holds, in the order they were given (then by role id).</summary>
    ValueTask<IReadOnlyList<Id<Role>>> ListRolesAsync(Id<ServiceAccount> id, CancellationToken cancellationToken);
}
