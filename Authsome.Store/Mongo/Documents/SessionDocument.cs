using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="Session"/> as stored in <c>authsome_sessions</c>; token hashes are hex strings.</summary>
internal static class SessionDocument
{
    public static BsonDocument ToBson(Session session) => new()
    {
        { Field.Id, Id(session.Id) },
        { Field.AppId, Id(session.AppId) },
        { Field.EnvId, Id(session.EnvId) },
        { Field.UserId, Id(session.UserId) },
        { Field.OrgId, Id(session.OrgId) },
        { Field.FamilyId, Id(session.FamilyId) },
        { Field.TokenHash, Hash(session.TokenHash) },
        { Field.RefreshTokenHash, Hash(session.RefreshTokenHash) },
        { Field.IpAddress, Text(session.IpAddress) },
        { Field.UserAgent, Text(session.UserAgent) },
        { Field.DeviceId, Id(session.DeviceId) },
        { Field.ImpersonatedBy, Id(session.ImpersonatedBy) },
        { Field.LastActivityAt, Date(session.LastActivityAt) },
        { Field.ExpiresAt, Date(session.ExpiresAt) },
        { Field.RefreshTokenExpiresAt, Date(session.RefreshTokenExpiresAt) },
        { Field.CreatedAt, Date(session.CreatedAt) },
        { Field.UpdatedAt, Date(session.UpdatedAt) },
    };

    public static Session FromBson(BsonDocument d) => new()
    {
        Id = d.Id<Session>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        EnvId = d.Id<AppEnvironment>(Field.EnvId),
        UserId = d.Id<User>(Field.UserId),
        OrgId = d.OptionalId<Organization>(Field.OrgId),
        FamilyId = d.Id<Session>(Field.FamilyId),
        TokenHash = d.Hash(Field.TokenHash),
        RefreshTokenHash = d.Hash(Field.RefreshTokenHash),
        IpAddress = d.OptionalText(Field.IpAddress),
        UserAgent = d.OptionalText(Field.UserAgent),
        DeviceId = d.OptionalId<Device>(Field.DeviceId),
        ImpersonatedBy = d.OptionalId<User>(Field.ImpersonatedBy),
        LastActivityAt = d.Date(Field.LastActivityAt),
        ExpiresAt = d.Date(Field.ExpiresAt),
        RefreshTokenExpiresAt = d.Date(Field.RefreshTokenExpiresAt),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}
