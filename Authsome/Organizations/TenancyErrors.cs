using Authsome.Errors;
using Microsoft.AspNetCore.Http;

namespace Authsome.Organizations;

/// <summary>The error codes of organizations, invitations, teams and roles. Part of the API: never rename one.</summary>
public static class TenancyErrors
{
    /// <summary>The change would leave the organization without an owner.</summary>
    public static readonly AuthsomeError LastOwner = new("last_owner", StatusCodes.Status409Conflict, "The organization needs an owner");

    /// <summary>Another organization (or team, or role) in the same scope has this slug.</summary>
    public static readonly AuthsomeError SlugTaken = new("slug_taken", StatusCodes.Status409Conflict, "Slug taken");

    /// <summary>The user is already a member of the organization.</summary>
    public static readonly AuthsomeError AlreadyMember = new("already_member", StatusCodes.Status409Conflict, "Already a member");

    /// <summary>No invitation has this token.</summary>
    public static readonly AuthsomeError InvitationInvalid = new("invitation_invalid", StatusCodes.Status400BadRequest, "Invalid invitation");

    /// <summary>The invitation's time ran out.</summary>
    public static readonly AuthsomeError InvitationExpired = new("invitation_expired", StatusCodes.Status410Gone, "Invitation expired");

    /// <summary>The organization withdrew the invitation (or replaced it with a newer one).</summary>
    public static readonly AuthsomeError InvitationRevoked = new("invitation_revoked", StatusCodes.Status410Gone, "Invitation revoked");

    /// <summary>The invitation was already accepted or declined.</summary>
    public static readonly AuthsomeError InvitationUsed = new("invitation_used", StatusCodes.Status409Conflict, "Invitation already used");

    /// <summary>The invitation was sent to another email address than the signed-in user's.</summary>
    public static readonly AuthsomeError InvitationNotForYou = new("invitation_email_mismatch", StatusCodes.Status403Forbidden, "Invitation is for another email address");

    /// <summary>No role of the organization (or built in) has this slug.</summary>
    public static readonly AuthsomeError RoleNotFound = new("role_not_found", StatusCodes.Status400BadRequest, "Unknown role");

    /// <summary>The parent would make the role its own ancestor, or the chain deeper than the evaluator follows.</summary>
    public static readonly AuthsomeError RoleCycle = new("role_cycle", StatusCodes.Status400BadRequest, "Role parents form a cycle or are too deep");

    /// <summary>Built-in roles (owner, admin, member) cannot be changed or deleted.</summary>
    public static readonly AuthsomeError RoleBuiltIn = new("role_built_in", StatusCodes.Status400BadRequest, "Built-in role");

    /// <summary>The role is still held by members or is the parent of another role.</summary>
    public static readonly AuthsomeError RoleInUse = new("role_in_use", StatusCodes.Status409Conflict, "Role in use");
}
