using Authsome.Accounts;
using Authsome.Errors;
using Authsome.Messaging;
using Authsome.Rbac;
using Authsome.Store;

namespace Authsome.Organizations;

/// <summary>
/// Members and their roles. Only an owner may make, unmake or remove an owner, and the last owner can be neither
/// removed, demoted, nor leave (<c>last_owner</c>), so an organization always has someone who can delete it. The store
/// checks that rule in the same atomic step as the write, so two owners demoting or removing each other at once cannot
/// leave the organization without one.
/// </summary>
internal sealed class MemberService(
    IAuthsomeStore store,
    RoleCatalog roles,
    TenancyEventPublisher events,
    UnitOfWork units,
    TimeProvider time)
{
    public async ValueTask<IReadOnlyList<(Member Member, User? User)>> ListAsync(Id<Organization> orgId, CancellationToken cancellationToken)
    {
        var members = await store.Members.ListAsync(orgId, cancellationToken);
        var result = new List<(Member, User?)>(members.Count);
        foreach (var member in members)
        {
            result.Add((member, await store.Users.GetAsync(member.UserId, cancellationToken)));
        }

        return result;
    }

    /// <summary>The member with this id in the organization; 404 otherwise.</summary>
    public async ValueTask<Member> GetAsync(OrganizationContext context, string memberId, CancellationToken cancellationToken)
    {
        var member = Id<Member>.TryParse(memberId, out var id) ? await store.Members.GetAsync(id, cancellationToken) : null;
        return member is not null && member.OrgId == context.OrgId
            ? member
            : throw new AuthsomeException(AuthsomeErrors.NotFound, "No such member.");
    }

    /// <summary>A role slug the organization has (built-in or custom); only an owner may hand out <c>owner</c>.</summary>
    public async ValueTask<string> RequireRoleAsync(OrganizationContext context, string? role, CancellationToken cancellationToken)
    {
        var slug = InputRules.Required(role, "role").Trim();
        if (await roles.FindAsync(context.Organization.AppId, context.OrgId, slug, cancellationToken) is null)
        {
            throw new AuthsomeException(TenancyErrors.RoleNotFound, "The organization has no such role.");
        }

        if (slug == BuiltInRoles.Owner && !context.CallerIsOwner)
        {
            throw new AuthsomeException(AuthsomeErrors.Forbidden, "Only an owner can make someone an owner.");
        }

        return slug;
    }

    public async ValueTask<Member> ChangeRoleAsync(OrganizationContext context, string memberId, string? role, CancellationToken cancellationToken)
    {
        var member = await GetAsync(context, memberId, cancellationToken);
        var slug = await RequireRoleAsync(context, role, cancellationToken);
        if (member.Role == slug)
        {
            return member;
        }

        if (member.Role == BuiltInRoles.Owner)
        {
            RequireOwnerCaller(context, member);
        }

        var updated = member with { Role = slug, UpdatedAt = time.GetStoreNow() };
        try
        {
            await units.RunAsync(
                async ct =>
                {
                    await store.Members.UpdateKeepingOwnerAsync(updated, BuiltInRoles.Owner, ct);
                    await events.PublishAsync(TenancyEventTypes.MemberUpdated, context.Organization.AppId, context.OrgId, context.Caller.Id, member.Id.ToString(), ct);
                },
                cancellationToken);
        }
        catch (StoreNotFoundException)
        {
            throw new AuthsomeException(AuthsomeErrors.NotFound, "No such member.");
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.LastOwner)
        {
            throw LastOwner();
        }

        return updated;
    }

    public async ValueTask RemoveAsync(OrganizationContext context, string memberId, CancellationToken cancellationToken) =>
        await RemoveAsync(context, await GetAsync(context, memberId, cancellationToken), cancellationToken);

    /// <summary>The caller leaves the organization.</summary>
    public ValueTask LeaveAsync(OrganizationContext context, CancellationToken cancellationToken) =>
        RemoveAsync(context, context.Membership, cancellationToken);

    /// <summary>Adds a user (an accepted invitation); 409 already_member when they are one.</summary>
    public async ValueTask<Member> AddAsync(Organization organization, User user, string role, Id<User>? actorId, CancellationToken cancellationToken)
    {
        var now = time.GetStoreNow();
        var member = new Member { Id = Id<Member>.New(now), OrgId = organization.Id, UserId = user.Id, Role = role, CreatedAt = now, UpdatedAt = now };
        try
        {
            await units.RunAsync(
                async ct =>
                {
                    await store.Members.CreateAsync(member, ct);
                    await events.PublishAsync(TenancyEventTypes.MemberAdded, organization.AppId, organization.Id, actorId, member.Id.ToString(), ct);
                },
                cancellationToken);
        }
        catch (StoreConflictException)
        {
            throw new AuthsomeException(TenancyErrors.AlreadyMember, "You are already a member of this organization.");
        }

        return member;
    }

    private async ValueTask RemoveAsync(OrganizationContext context, Member member, CancellationToken cancellationToken)
    {
        if (member.Role == BuiltInRoles.Owner)
        {
            if (member.Id != context.Membership.Id && !context.CallerIsOwner)
            {
                throw new AuthsomeException(AuthsomeErrors.Forbidden, "Only an owner can remove an owner.");
            }
        }

        try
        {
            // The membership, the roles held within the organization and the event: one unit of work.
            await units.RunAsync(
                async ct =>
                {
                    if (!await store.Members.DeleteKeepingOwnerAsync(member.Id, BuiltInRoles.Owner, ct))
                    {
                        return;
                    }

                    // Roles assigned within the organization go with the membership (they would not count anyway, see OrganizationScopedAssignments).
                    foreach (var assignment in (await store.RoleAssignments.ListByUserAsync(member.UserId, ct)).Where(a => a.OrgId == context.OrgId))
                    {
                        await store.RoleAssignments.DeleteAsync(assignment.Id, ct);
                    }

                    await events.PublishAsync(TenancyEventTypes.MemberRemoved, context.Organization.AppId, context.OrgId, context.Caller.Id, member.Id.ToString(), ct);
                },
                cancellationToken);
        }
        catch (StoreConflictException ex) when (ex.Kind == ConflictKind.LastOwner)
        {
            throw LastOwner();
        }
    }

    private static void RequireOwnerCaller(OrganizationContext context, Member owner)
    {
        if (owner.Id != context.Membership.Id && !context.CallerIsOwner)
        {
            throw new AuthsomeException(AuthsomeErrors.Forbidden, "Only an owner can change an owner's role.");
        }
    }

    private static AuthsomeException LastOwner() =>
        new(TenancyErrors.LastOwner, "The organization's last owner cannot leave, be removed or be demoted; make someone else an owner first, or delete the organization.");
}
