using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="Organization"/> as stored in <c>authsome_organizations</c>.</summary>
internal static class OrganizationDocument
{
    public static BsonDocument ToBson(Organization organization) => new()
    {
        { Field.Id, Id(organization.Id) },
        { Field.AppId, Id(organization.AppId) },
        { Field.Name, Text(organization.Name) },
        { Field.Slug, Text(organization.Slug) },
        { Field.Logo, Text(organization.Logo) },
        { Field.Metadata, Map(organization.Metadata) },
        { Field.CreatedBy, Id(organization.CreatedBy) },
        { Field.CreatedAt, Date(organization.CreatedAt) },
        { Field.UpdatedAt, Date(organization.UpdatedAt) },
    };

    public static Organization FromBson(BsonDocument d) => new()
    {
        Id = d.Id<Organization>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        Name = d.Text(Field.Name),
        Slug = d.Text(Field.Slug),
        Logo = d.OptionalText(Field.Logo),
        Metadata = d.Map(Field.Metadata),
        CreatedBy = d.Id<User>(Field.CreatedBy),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}

/// <summary><see cref="Member"/> as stored in <c>authsome_members</c>.</summary>
internal static class MemberDocument
{
    public static BsonDocument ToBson(Member member) => new()
    {
        { Field.Id, Id(member.Id) },
        { Field.OrgId, Id(member.OrgId) },
        { Field.UserId, Id(member.UserId) },
        { Field.Role, Text(member.Role) },
        { Field.CreatedAt, Date(member.CreatedAt) },
        { Field.UpdatedAt, Date(member.UpdatedAt) },
    };

    public static Member FromBson(BsonDocument d) => new()
    {
        Id = d.Id<Member>(Field.Id),
        OrgId = d.Id<Organization>(Field.OrgId),
        UserId = d.Id<User>(Field.UserId),
        Role = d.Text(Field.Role),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}

/// <summary><see cref="Invitation"/> as stored in <c>authsome_invitations</c>.</summary>
internal static class InvitationDocument
{
    public static BsonDocument ToBson(Invitation invitation) => new()
    {
        { Field.Id, Id(invitation.Id) },
        { Field.OrgId, Id(invitation.OrgId) },
        { Field.Email, Text(invitation.Email) },
        { Field.Role, Text(invitation.Role) },
        { Field.InviterId, Id(invitation.InviterId) },
        { Field.Status, Enum(invitation.Status) },
        { Field.TokenHash, Hash(invitation.TokenHash) },
        { Field.ExpiresAt, Date(invitation.ExpiresAt) },
        { Field.CreatedAt, Date(invitation.CreatedAt) },
        { Field.UpdatedAt, Date(invitation.UpdatedAt) },
    };

    public static Invitation FromBson(BsonDocument d) => new()
    {
        Id = d.Id<Invitation>(Field.Id),
        OrgId = d.Id<Organization>(Field.OrgId),
        Email = d.Text(Field.Email),
        Role = d.Text(Field.Role),
        InviterId = d.Id<User>(Field.InviterId),
        Status = d.Enum<InvitationStatus>(Field.Status),
        TokenHash = d.Hash(Field.TokenHash),
        ExpiresAt = d.Date(Field.ExpiresAt),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}

/// <summary><see cref="Team"/> as stored in <c>authsome_teams</c>.</summary>
internal static class TeamDocument
{
    public static BsonDocument ToBson(Team team) => new()
    {
        { Field.Id, Id(team.Id) },
        { Field.OrgId, Id(team.OrgId) },
        { Field.Name, Text(team.Name) },
        { Field.Slug, Text(team.Slug) },
        { Field.CreatedAt, Date(team.CreatedAt) },
        { Field.UpdatedAt, Date(team.UpdatedAt) },
    };

    public static Team FromBson(BsonDocument d) => new()
    {
        Id = d.Id<Team>(Field.Id),
        OrgId = d.Id<Organization>(Field.OrgId),
        Name = d.Text(Field.Name),
        Slug = d.Text(Field.Slug),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}
