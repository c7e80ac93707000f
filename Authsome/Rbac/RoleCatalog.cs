using System.Collections.Concurrent;
using Authsome.Store;

namespace Authsome.Rbac;

/// <summary>
/// Where roles are found. Built-in roles are app-wide roles with their documented permissions, created on first use
/// (race-safe: a concurrent creator's conflict is taken as success). An organization's custom roles carry its id
/// (<see cref="Role.OrgId"/>): the store keeps their slugs unique per organization, deletes them with it, and no
/// organization can see or use another's.
/// </summary>
internal sealed class RoleCatalog(IAuthsomeStore store, TimeProvider time)
{
    private readonly ConcurrentDictionary<(Id<App>, string), Task<Role>> builtIn = new();

    /// <summary>Whether the role is one of the organization's custom roles.</summary>
    public static bool BelongsTo(Role role, Id<Organization> orgId) => role.OrgId == orgId;

    /// <summary>A built-in role of the app, created with its permissions when missing.</summary>
    public Task<Role> GetBuiltInAsync(Id<App> appId, string slug, CancellationToken cancellationToken)
    {
        var task = builtIn.GetOrAdd((appId, slug), key => EnsureAsync(key.Item1, key.Item2, CancellationToken.None));
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failure (the store was down) is not kept: the next call tries again.
            builtIn.TryRemove(new KeyValuePair<(Id<App>, string), Task<Role>>((appId, slug), task));
        }

        return task.WaitAsync(cancellationToken);
    }

    /// <summary>The role a member's role slug names in an organization (built-in or custom), or null when there is none.</summary>
    public async ValueTask<Role?> FindAsync(Id<App> appId, Id<Organization> orgId, string slug, CancellationToken cancellationToken) =>
        BuiltInRoles.IsOrganizationRole(slug)
            ? await GetBuiltInAsync(appId, slug, cancellationToken)
            : await store.Roles.GetBySlugAsync(orgId, slug, cancellationToken);

    /// <summary>The built-in roles and the organization's custom roles, built-in first.</summary>
    public async ValueTask<IReadOnlyList<Role>> ListAsync(Id<App> appId, Id<Organization> orgId, CancellationToken cancellationToken)
    {
        var roles = new List<Role>();
        foreach (var slug in BuiltInRoles.OrganizationRoles)
        {
            roles.Add(await GetBuiltInAsync(appId, slug, cancellationToken));
        }

        roles.AddRange(await store.Roles.ListAsync(orgId, cancellationToken));
        return roles;
    }

    private async Task<Role> EnsureAsync(Id<App> appId, string slug, CancellationToken cancellationToken)
    {
        var role = await store.Roles.GetBySlugAsync(appId, slug, cancellationToken) ?? await CreateAsync(appId, slug, cancellationToken);

        // Also completes a role whose creator stopped half-way: its permissions are the documented ones.
        var now = time.GetStoreNow();
        var held = (await store.Roles.ListPermissionsAsync(role.Id, cancellationToken)).Select(p => PermissionName.Of(p).ToString()).ToHashSet(StringComparer.Ordinal);
        foreach (var permission in BuiltInRoles.Permissions[slug].Where(p => !held.Contains(p)))
        {
            PermissionName.TryParse(permission, out var name);
            try
            {
                await store.Roles.AddPermissionAsync(new Permission
                {
                    Id = Id<Permission>.New(now),
                    RoleId = role.Id,
                    Resource = name.Resource,
                    Action = name.Action,
                    CreatedAt = now,
                }, cancellationToken);
            }
            catch (StoreConflictException)
            {
                // Added by a concurrent instance.
            }
        }

        return role;
    }

    private async Task<Role> CreateAsync(Id<App> appId, string slug, CancellationToken cancellationToken)
    {
        var now = time.GetStoreNow();
        var role = new Role
        {
            Id = Id<Role>.New(now),
            AppId = appId,
            Name = slug == BuiltInRoles.PlatformAdmin ? "Platform administrator" : char.ToUpperInvariant(slug[0]) + slug[1..],
            Slug = slug,
            Description = "Built-in role.",
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            await store.Roles.CreateAsync(role, cancellationToken);
            return role;
        }
        catch (StoreConflictException)
        {
            return await store.Roles.GetBySlugAsync(appId, slug, cancellationToken)
                ?? throw new InvalidOperationException($"The built-in role '{slug}' could not be created.");
        }
    }
}
