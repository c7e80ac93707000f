using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="Role"/> as stored in <c>authsome_roles</c>.</summary>
internal static class RoleDocument
{
    public static BsonDocument ToBson(Role role) => new()
    {
        { Field.Id, Id(role.Id) },
        { Field.AppId, Id(role.AppId) },
        { Field.OrgId, Id(role.OrgId) },
        { Field.Name, Text(role.Name) },
        { Field.Slug, Text(role.Slug) },
        { Field.Description, Text(role.Description) },
        { Field.ParentId, Id(role.ParentId) },
        { Field.CreatedAt, Date(role.CreatedAt) },
        { Field.UpdatedAt, Date(role.UpdatedAt) },
    };

    public static Role FromBson(BsonDocument d) => new()
    {
        Id = d.Id<Role>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        OrgId = d.OptionalId<Organization>(Field.OrgId),
        Name = d.Text(Field.Name),
        Slug = d.Text(Field.Slug),
        Description = d.OptionalText(Field.Description),
        ParentId = d.OptionalId<Role>(Field.ParentId),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}

/// <summary><see cref="Permission"/> as stored in <c>authsome_permissions</c>.</summary>
internal static class PermissionDocument
{
    public static BsonDocument ToBson(Permission permission) => new()
    {
        { Field.Id, Id(permission.Id) },
        { Field.RoleId, Id(permission.RoleId) },
        { Field.Action, Text(permission.Action) },
        { Field.Resource, Text(permission.Resource) },
        { Field.CreatedAt, Date(permission.CreatedAt) },
    };

    public static Permission FromBson(BsonDocument d) => new()
    {
        Id = d.Id<Permission>(Field.Id),
        RoleId = d.Id<Role>(Field.RoleId),
        Action = d.Text(Field.Action),
        Resource = d.Text(Field.Resource),
        CreatedAt = d.Date(Field.CreatedAt),
    };
}

/// <summary><see cref="RoleAssignment"/> as stored in <c>authsome_role_assignments</c>; an app-wide assignment has a null <c>org_id</c>.</summary>
internal static class RoleAssignmentDocument
{
    public static BsonDocument ToBson(RoleAssignment assignment) => new()
    {
        { Field.Id, Id(assignment.Id) },
        { Field.UserId, Id(assignment.UserId) },
        { Field.RoleId, Id(assignment.RoleId) },
        { Field.OrgId, Id(assignment.OrgId) },
        { Field.CreatedAt, Date(assignment.CreatedAt) },
    };

    public static RoleAssignment FromBson(BsonDocument d) => new()
    {
        Id = d.Id<RoleAssignment>(Field.Id),
        UserId = d.Id<User>(Field.UserId),
        RoleId = d.Id<Role>(Field.RoleId),
        OrgId = d.OptionalId<Organization>(Field.OrgId),
        CreatedAt = d.Date(Field.CreatedAt),
    };
}
