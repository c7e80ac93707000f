using Authsome.Store;

namespace Authsome.Organizations;

/// <summary>
/// Something that happened to an organization, its members, invitations, teams or roles, or an administrator's action,
/// raised to <see cref="Hooks.IAuthsomeHooks.AfterTenancyEventAsync"/> once it is stored. Carries ids only, never a
/// token or an email.
/// </summary>
/// <param name="Type">What happened, one of <see cref="TenancyEventTypes"/> (e.g. <c>org.created</c>).</param>
/// <param name="AppId">The app it happened in.</param>
/// <param name="OrgId">The organization, when the event belongs to one.</param>
/// <param name="ActorId">The user who did it, when a user did.</param>
/// <param name="SubjectId">The id of what changed (organization, member, invitation, team, role, app, user, ...).</param>
public sealed record TenancyEvent(string Type, Id<App> AppId, Id<Organization>? OrgId, Id<User>? ActorId, string SubjectId)
{
    /// <summary>The event as webhooks and <see cref="Hooks.IAuthsomeHooks.OnEventAsync"/> receive it: data {org_id, actor_id, subject_id}.</summary>
    internal Hooks.AuthsomeEvent ToEvent() =>
        new(Type, AppId, new { org_id = OrgId?.ToString(), actor_id = ActorId?.ToString(), subject_id = SubjectId });
}

/// <summary>The <see cref="TenancyEvent.Type"/> values.</summary>
public static class TenancyEventTypes
{
    public const string OrgCreated = "org.created";
    public const string OrgUpdated = "org.updated";
    public const string OrgDeleted = "org.deleted";
    public const string MemberAdded = "member.added";
    public const string MemberUpdated = "member.updated";
    public const string MemberRemoved = "member.removed";
    public const string InvitationCreated = "invitation.created";
    public const string InvitationAccepted = "invitation.accepted";
    public const string InvitationDeclined = "invitation.declined";
    public const string InvitationRevoked = "invitation.revoked";
    public const string TeamCreated = "team.created";
    public const string TeamUpdated = "team.updated";
    public const string TeamDeleted = "team.deleted";
    public const string TeamMemberAdded = "team.member_added";
    public const string TeamMemberRemoved = "team.member_removed";
    public const string RoleCreated = "role.created";
    public const string RoleUpdated = "role.updated";
    public const string RoleDeleted = "role.deleted";
    public const string RoleAssigned = "role.assigned";
    public const string RoleUnassigned = "role.unassigned";
    public const string AdminGranted = "admin.granted";
    public const string AppCreated = "app.created";
    public const string AppUpdated = "app.updated";
    public const string AppDeleted = "app.deleted";
    public const string EnvironmentCreated = "environment.created";
    public const string EnvironmentUpdated = "environment.updated";
    public const string EnvironmentDeleted = "environment.deleted";
    public const string AppConfigUpdated = "app.config_updated";
    public const string UserBanned = "user.banned";
    public const string UserUnbanned = "user.unbanned";
    public const string UserDeleted = "user.deleted";
    public const string UserSessionsRevoked = "user.sessions_revoked";
    public const string SettingUpdated = "setting.updated";
    public const string SettingDeleted = "setting.deleted";
}
