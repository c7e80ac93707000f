using Authsome.Errors;
using Authsome.Rbac;
using Authsome.Store;

namespace Authsome.Organizations;

/// <summary>An organization as seen by one of its members.</summary>
internal sealed record OrganizationContext(Organization Organization, Member Membership, User Caller)
{
    public Id<Organization> OrgId => Organization.Id;

    public bool CallerIsOwner => Membership.Role == BuiltInRoles.Owner;
}

/// <summary>
/// Opens an organization for a caller: unknown, another app's, or not the caller's answers 404 alike (an id is no oracle);
/// a member without the permission gets 403.
/// </summary>
internal sealed class OrganizationAccess(IAuthsomeStore store, PermissionService permissions)
{
    public async ValueTask<OrganizationContext> OpenAsync(User caller, string orgId, CancellationToken cancellationToken)
    {
        var organization = Id<Organization>.TryParse(orgId, out var id) ? await store.Organizations.GetAsync(id, cancellationToken) : null;
        var membership = organization is not null && organization.AppId == caller.AppId
            ? await store.Members.GetByUserAsync(organization.Id, caller.Id, cancellationToken)
            : null;
        if (organization is null || membership is null)
        {
            throw new AuthsomeException(AuthsomeErrors.NotFound, "No such organization.");
        }

        return new OrganizationContext(organization, membership, caller);
    }

    /// <summary>Opens the organization and requires a permission in it (e.g. <c>member</c>, <c>invite</c>).</summary>
    public async ValueTask<OrganizationContext> RequireAsync(User caller, string orgId, string resource, string action, CancellationToken cancellationToken)
    {
        var context = await OpenAsync(caller, orgId, cancellationToken);
        await DemandAsync(context, resource, action, cancellationToken);
        return context;
    }

    public async ValueTask DemandAsync(OrganizationContext context, string resource, string action, CancellationToken cancellationToken)
    {
        if (!await permissions.HasPermissionAsync(context.Caller, resource, action, context.OrgId, cancellationToken))
        {
            throw new AuthsomeException(AuthsomeErrors.Forbidden, $"This needs the permission {resource}:{action} in the organization.");
        }
    }
}
