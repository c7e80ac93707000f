using Authsome.Accounts;
using Authsome.Errors;
using Authsome.Messaging;
using Authsome.Organizations;
using Authsome.Store;

namespace Authsome.Rbac;

/// <summary>A role as the API shows it: its local slug, permissions and parent.</summary>
internal sealed record RoleView(Role Role, string Slug, bool BuiltIn, string? Parent, IReadOnlyList<string> Permissions);

/// <summary>
/// An organization's custom roles: permissions <c>resource:action</c> with wildcards, and a parent (a built-in role or
/// another custom role of the organization) whose permissions they inherit. A parent that would make a cycle, or a chain
/// deeper than the evaluator follows, is refused. Also the extra roles assigned to members within the organization.
/// </summary>
internal sealed class RoleService(IAuthsomeStore store, RoleCatalog catalog, TenancyEventPublisher events, UnitOfWork units, TimeProvider time)
{
    private const int MaxPermissions = 100;

    public async ValueTask<IReadOnlyList<RoleView>> ListAsync(OrganizationContext context, CancellationToken cancellationToken)
    {
        var views = new List<RoleView>();
        foreach (var role in await catalog.ListAsync(context.Organization.AppId, context.OrgId, cancellationToken))
        {
            views.Add(await ViewAsync(role, cancellationToken));
        }

        return views;
    }

    public async ValueTask<RoleView> CreateAsync(OrganizationContext context, string? name, string? slug, string? description, string? parent, IReadOnlyList<string>? permissions, CancellationToken cancellationToken)
    {
        var cleanName = InputRules.Name(InputRules.Required(name, "name")) ?? throw InputRules.Invalid("name", "Required.");
        var localSlug = Slugs.From(slug, cleanName);
        if (BuiltInRoles.IsOrganizationRole(localSlug))
        {
            throw new AuthsomeException(TenancyErrors.SlugTaken, "A built-in role has this slug.");
        }

        var grants = ParsePermissions(permissions ?? []);
        var now = time.GetStoreNow();
        var role = new Role
        {
            Id = Id<Role>.New(now),
            AppId = context.Organization.AppId,
            Name = cleanName,
            Slug = localSlug,
            OrgId = context.OrgId,
            Description = Description(description),
            CreatedAt = now,
            UpdatedAt = now,
        };
        role = role with { ParentId = await ParentAsync(context, role, parent, cancellationToken) };
        try
        {
            await store.Roles.CreateAsync(role, cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.SlugTaken)
        {
            throw new AuthsomeException(TenancyErrors.SlugTaken, "The organization has a role with this slug.");
        }

        await SetPermissionsAsync(role, grants, cancellationToken);
        await events.PublishAsync(TenancyEventTypes.RoleCreated, role.AppId, context.OrgId, context.Caller.Id, role.Id.ToString(), cancellationToken);
        return await ViewAsync(role, cancellationToken);
    }

    /// <summary>Changes a custom role; absent fields stay. <paramref name="parent"/> "" removes the parent; <paramref name="permissions"/> replaces the list.</summary>
    public async ValueTask<RoleView> UpdateAsync(OrganizationContext context, string roleId, string? name, string? description, string? parent, IReadOnlyList<string>? permissions, CancellationToken cancellationToken)
    {
        var role = await GetCustomAsync(context, roleId, cancellationToken);
        var grants = permissions is null ? null : ParsePermissions(permissions);
        var updated = role with
        {
            Name = name is null ? role.Name : InputRules.Name(name) ?? throw InputRules.Invalid("name", "Required."),
            Description = description is null ? role.Description : Description(description),
            ParentId = parent is null ? role.ParentId : parent.Length == 0 ? null : await ParentAsync(context, role, parent, cancellationToken),
            UpdatedAt = time.GetStoreNow(),
        };
        try
        {
            await store.Roles.UpdateAsync(updated, cancellationToken);
        }
        catch (StoreNotFoundException)
        {
            throw new AuthsomeException(AuthsomeErrors.NotFound, "No such role.");
        }

        if (grants is not null)
        {
            await SetPermissionsAsync(updated, grants, cancellationToken);
        }

        await events.PublishAsync(TenancyEventTypes.RoleUpdated, role.AppId, context.OrgId, context.Caller.Id, role.Id.ToString(), cancellationToken);
        return await ViewAsync(updated, cancellationToken);
    }

    /// <summary>Deletes a custom role no member holds as their role; its extra assignments go with it, and its children lose their parent.</summary>
    public async ValueTask DeleteAsync(OrganizationContext context, string roleId, CancellationToken cancellationToken)
    {
        var role = await GetCustomAsync(context, roleId, cancellationToken);
        var local = role.Slug;
        if ((await store.Members.ListAsync(context.OrgId, cancellationToken)).Any(m => m.Role == local))
        {
            throw new AuthsomeException(TenancyErrors.RoleInUse, "Members hold this role; give them another role first.");
        }

        if (await store.Roles.DeleteAsync(role.Id, cancellationToken))
        {
            await events.PublishAsync(TenancyEventTypes.RoleDeleted, role.AppId, context.OrgId, context.Caller.Id, role.Id.ToString(), cancellationToken);
        }
    }

    /// <summary>Gives a member one more role of the organization.</summary>
    public async ValueTask AssignAsync(OrganizationContext context, Member member, string? roleSlug, CancellationToken cancellationToken)
    {
        var role = await RequireRoleAsync(context, roleSlug, cancellationToken);
        var now = time.GetStoreNow();
        try
        {
            await units.RunAsync(
                async ct =>
                {
                    await store.RoleAssignments.CreateAsync(new RoleAssignment { Id = Id<RoleAssignment>.New(now), UserId = member.UserId, RoleId = role.Id, OrgId = context.OrgId, CreatedAt = now }, ct);
                    await events.PublishAsync(TenancyEventTypes.RoleAssigned, role.AppId, context.OrgId, context.Caller.Id, member.Id.ToString(), ct);
                },
                cancellationToken);
        }
        catch (StoreConflictException)
        {
            // Already assigned: nothing changed, nothing to report.
        }
    }

    public async ValueTask UnassignAsync(OrganizationContext context, Member member, string roleSlug, CancellationToken cancellationToken)
    {
        var role = await RequireRoleAsync(context, roleSlug, cancellationToken);
        await units.RunAsync(
            async ct =>
            {
                foreach (var assignment in (await store.RoleAssignments.ListByUserAsync(member.UserId, ct)).Where(a => a.OrgId == context.OrgId && a.RoleId == role.Id))
                {
                    await store.RoleAssignments.DeleteAsync(assignment.Id, ct);
                    await events.PublishAsync(TenancyEventTypes.RoleUnassigned, role.AppId, context.OrgId, context.Caller.Id, member.Id.ToString(), ct);
                }
            },
            cancellationToken);
    }

    /// <summary>The roles assigned to a member beyond their own role, as local slugs.</summary>
    public async ValueTask<IReadOnlyList<string>> AssignedAsync(Id<Organization> orgId, Id<User> userId, CancellationToken cancellationToken)
    {
        var slugs = new List<string>();
        foreach (var assignment in (await store.RoleAssignments.ListByUserAsync(userId, cancellationToken)).Where(a => a.OrgId == orgId))
        {
            if (await store.Roles.GetAsync(assignment.RoleId, cancellationToken) is { } role)
            {
                slugs.Add(role.Slug);
            }
        }

        return slugs;
    }

    private async ValueTask<Role> RequireRoleAsync(OrganizationContext context, string? slug, CancellationToken cancellationToken)
    {
        var value = InputRules.Required(slug, "role").Trim();
        if (value == BuiltInRoles.Owner && !context.CallerIsOwner)
        {
            throw new AuthsomeException(AuthsomeErrors.Forbidden, "Only an owner can make someone an owner.");
        }

        return await catalog.FindAsync(context.Organization.AppId, context.OrgId, value, cancellationToken)
            ?? throw new AuthsomeException(TenancyErrors.RoleNotFound, "The organization has no such role.");
    }

    private async ValueTask<Role> GetCustomAsync(OrganizationContext context, string roleId, CancellationToken cancellationToken)
    {
        var role = Id<Role>.TryParse(roleId, out var id) ? await store.Roles.GetAsync(id, cancellationToken) : null;
        if (role is not null && role.AppId == context.Organization.AppId && role.OrgId is null && BuiltInRoles.IsOrganizationRole(role.Slug))
        {
            throw new AuthsomeException(TenancyErrors.RoleBuiltIn, "Built-in roles cannot be changed or deleted.");
        }

        return role is not null && RoleCatalog.BelongsTo(role, context.OrgId)
            ? role
            : throw new AuthsomeException(AuthsomeErrors.NotFound, "No such role.");
    }

    /// <summary>The parent's id; refuses one outside the organization, one that has the role among its ancestors, or a chain deeper than the evaluator follows.</summary>
    private async ValueTask<Id<Role>?> ParentAsync(OrganizationContext context, Role role, string? parent, CancellationToken cancellationToken)
    {
        if (parent is null)
        {
            return null;
        }

        var parentRole = await catalog.FindAsync(context.Organization.AppId, context.OrgId, parent.Trim(), cancellationToken)
            ?? throw new AuthsomeException(TenancyErrors.RoleNotFound, "The organization has no role to use as parent.");
        Id<Role>? current = parentRole.Id;
        for (var depth = 1; current is { } ancestor; depth++)
        {
            if (ancestor == role.Id || depth > RbacEvaluator.MaxDepth)
            {
                throw new AuthsomeException(TenancyErrors.RoleCycle, $"A role cannot be its own ancestor, and chains of parents stop at {RbacEvaluator.MaxDepth}.");
            }

            current = (await store.Roles.GetAsync(ancestor, cancellationToken))?.ParentId;
        }

        // The role's own descendants count too: the chain below it plus the chain above must stay within the limit.
        if (await DepthBelowAsync(context, role.Id, cancellationToken) + await DepthAboveAsync(parentRole.Id, cancellationToken) > RbacEvaluator.MaxDepth)
        {
            throw new AuthsomeException(TenancyErrors.RoleCycle, $"Chains of parents stop at {RbacEvaluator.MaxDepth}.");
        }

        return parentRole.Id;
    }

    private async ValueTask<int> DepthAboveAsync(Id<Role> roleId, CancellationToken cancellationToken)
    {
        var depth = 0;
        for (Id<Role>? current = roleId; current is { } id && depth <= RbacEvaluator.MaxDepth; depth++)
        {
            current = (await store.Roles.GetAsync(id, cancellationToken))?.ParentId;
        }

        return depth;
    }

    private async ValueTask<int> DepthBelowAsync(OrganizationContext context, Id<Role> roleId, CancellationToken cancellationToken)
    {
        var all = await store.Roles.ListAsync(context.OrgId, cancellationToken);
        int Below(Id<Role> id, int guard) => guard > RbacEvaluator.MaxDepth ? guard : all.Where(r => r.ParentId == id).Select(r => 1 + Below(r.Id, guard + 1)).DefaultIfEmpty(0).Max();
        return Below(roleId, 0);
    }

    private async ValueTask SetPermissionsAsync(Role role, IReadOnlyList<PermissionName> grants, CancellationToken cancellationToken)
    {
        var held = await store.Roles.ListPermissionsAsync(role.Id, cancellationToken);
        foreach (var stale in held.Where(p => !grants.Contains(PermissionName.Of(p))))
        {
            await store.Roles.RemovePermissionAsync(stale.Id, cancellationToken);
        }

        var now = time.GetStoreNow();
        foreach (var grant in grants.Where(g => !held.Any(p => PermissionName.Of(p) == g)))
        {
            await store.Roles.AddPermissionAsync(new Permission { Id = Id<Permission>.New(now), RoleId = role.Id, Resource = grant.Resource, Action = grant.Action, CreatedAt = now }, cancellationToken);
        }
    }

    private async ValueTask<RoleView> ViewAsync(Role role, CancellationToken cancellationToken)
    {
        var permissions = (await store.Roles.ListPermissionsAsync(role.Id, cancellationToken)).Select(p => PermissionName.Of(p).ToString()).Order(StringComparer.Ordinal).ToArray();
        var parent = role.ParentId is { } parentId ? await store.Roles.GetAsync(parentId, cancellationToken) : null;
        return new RoleView(role, role.Slug, role.OrgId is null && BuiltInRoles.IsOrganizationRole(role.Slug), parent?.Slug, permissions);
    }

    private static List<PermissionName> ParsePermissions(IReadOnlyList<string> permissions)
    {
        if (permissions.Count > MaxPermissions)
        {
            throw InputRules.Invalid("permissions", $"At most {MaxPermissions} permissions.");
        }

        var parsed = new List<PermissionName>();
        foreach (var text in permissions)
        {
            if (!PermissionName.TryParse(text, out var name))
            {
                throw InputRules.Invalid("permissions", "Each permission is 'resource:action' (printable ASCII, '*' alone or at the end of either part).");
            }

            if (!parsed.Contains(name))
            {
                parsed.Add(name);
            }
        }

        return parsed;
    }

    private static string? Description(string? value) =>
        value is null || value.Trim().Length == 0 ? null
        : value.Length > 500 || value.Any(char.IsControl) ? throw InputRules.Invalid("description", "At most 500 characters, without control characters.")
        : value.Trim();
}
