namespace Authsome.Store;

/// <summary>Roles and their permissions.</summary>
public interface IRoleStore
{
    /// <summary>
    /// Stores a role. Throws <see cref="StoreConflictException"/>: SlugTaken (among the app's app-wide roles, or within the
    /// role's organization), Duplicate, or MissingReference (no such organization, where the backend checks references).
    /// </summary>
    ValueTask CreateAsync(Role role, CancellationToken cancellationToken);

    ValueTask<Role?> GetAsync(Id<Role> id, CancellationToken cancellationToken);

    /// <summary>The app-wide role (no organization) with this slug, or null.</summary>
    ValueTask<Role?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken);

    /// <summary>The organization's custom role with this slug, or null.</summary>
    ValueTask<Role?> GetBySlugAsync(Id<Organization> orgId, string slug, CancellationToken cancellationToken);

    /// <summary>Replaces a role's fields except its app and organization. Throws <see cref="StoreNotFoundException"/> or <see cref="StoreConflictException"/> as create.</summary>
    ValueTask UpdateAsync(Role role, CancellationToken cancellationToken);

    /// <summary>Deletes a role with its permissions and assignments; roles that had it as parent lose their parent. False when absent.</summary>
    ValueTask<bool> DeleteAsync(Id<Role> id, CancellationToken cancellationToken);

    /// <summary>An app's roles (app-wide and its organizations' custom roles), in id order.</summary>
    ValueTask<IReadOnlyList<Role>> ListAsync(Id<App> appId, CancellationToken cancellationToken);

    /// <summary>An organization's custom roles, in id order.</summary>
    ValueTask<IReadOnlyList<Role>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken);

    /// <summary>Adds a permission to a role. Throws <see cref="StoreConflictException"/> (Duplicate) when the role already has it.</summary>
    ValueTask AddPermissionAsync(Permission permission, CancellationToken cancellationToken);

    ValueTask<bool> RemovePermissionAsync(Id<Permission> id, CancellationToken cancellationToken);

    /// <summary>A role's own permissions (not inherited ones), in id order.</summary>
    ValueTask<IReadOnlyList<Permission>> ListPermissionsAsync(Id<Role> roleId, CancellationToken cancellationToken);
}
