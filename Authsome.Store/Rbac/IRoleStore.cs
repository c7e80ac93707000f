namespace Authsome.Store;

/// <summary>Roles and their permissions.</summary>
public interface IRoleStore
{
    /// <summary>Stores a role. Throws <see cref="StoreConflictException"/>: SlugTaken (within the app) or Duplicate.</summary>
    ValueTask CreateAsync(Role role, CancellationToken cancellationToken);

    ValueTask<Role?> GetAsync(Id<Role> id, CancellationToken cancellationToken);

    ValueTask<Role?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken);

    /// <summary>Replaces a role's fields. Throws <see cref="StoreNotFoundException"/> or <see cref="StoreConflictException"/> as create.</summary>
    ValueTask UpdateAsync(Role role, CancellationToken cancellationToken);

    /// <summary>Deletes a role with its permissions and assignments; roles that had it as parent lose their parent. False when absent.</summary>
    ValueTask<bool> DeleteAsync(Id<Role> id, CancellationToken cancellationToken);

    /// <summary>An app's roles, in id order.</summary>
    ValueTask<IReadOnlyList<Role>> ListAsync(Id<App> appId, CancellationToken cancellationToken);

    /// <summary>Adds a permission to a role. Throws <see cref="StoreConflictException"/> (Duplicate) when the role already has it.</summary>
    ValueTask AddPermissionAsync(Permission permission, CancellationToken cancellationToken);

    ValueTask<bool> RemovePermissionAsync(Id<Permission> id, CancellationToken cancellationToken);

    /// <summary>A role's own permissions (not inherited ones), in id order.</summary>
    ValueTask<IReadOnlyList<Permission>> ListPermissionsAsync(Id<Role> roleId, CancellationToken cancellationToken);
}
