using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary>
/// <see cref="User"/> as stored in <c>authsome_users</c>. <c>deleted_at</c> is always present (null while the user
/// is live), because the unique indexes on email, username and phone are partial on <c>deleted_at</c> being null.
/// </summary>
internal static class UserDocument
{
    public static BsonDocument ToBson(User user) => new()
    {
        { Field.Id, Id(user.Id) },
        { Field.AppId, Id(user.AppId) },
        { Field.EnvId, Id(user.EnvId) },
        { Field.Email, Text(user.Email) },
        { Field.EmailVerified, user.EmailVerified },
        { Field.Name, Text(user.Name) },
        { Field.FirstName, Text(user.FirstName) },
        { Field.LastName, Text(user.LastName) },
        { Field.Image, Text(user.Image) },
        { Field.Username, Text(user.Username) },
        { Field.DisplayUsername, Text(user.DisplayUsername) },
        { Field.Phone, Text(user.Phone) },
        { Field.PhoneVerified, user.PhoneVerified },
        { Field.PasswordHash, Text(user.PasswordHash) },
        { Field.PasswordChangedAt, Date(user.PasswordChangedAt) },
        { Field.Banned, user.Banned },
        { Field.BanReason, Text(user.BanReason) },
        { Field.BanExpires, Date(user.BanExpires) },
        { Field.Metadata, Map(user.Metadata) },
        { Field.CreatedAt, Date(user.CreatedAt) },
        { Field.UpdatedAt, Date(user.UpdatedAt) },
        { Field.DeletedAt, Date(user.DeletedAt) },
    };

    public static User FromBson(BsonDocument d) => new()
    {
        Id = d.Id<User>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        EnvId = d.Id<AppEnvironment>(Field.EnvId),
        Email = d.Text(Field.Email),
        EmailVerified = d.Bool(Field.EmailVerified),
        Name = d.OptionalText(Field.Name),
        FirstName = d.OptionalText(Field.FirstName),
        LastName = d.OptionalText(Field.LastName),
        Image = d.OptionalText(Field.Image),
        Username = d.OptionalText(Field.Username),
        DisplayUsername = d.OptionalText(Field.DisplayUsername),
        Phone = d.OptionalText(Field.Phone),
        PhoneVerified = d.Bool(Field.PhoneVerified),
        PasswordHash = d.OptionalText(Field.PasswordHash),
        PasswordChangedAt = d.OptionalDate(Field.PasswordChangedAt),
        Banned = d.Bool(Field.Banned),
        BanReason = d.OptionalText(Field.BanReason),
        BanExpires = d.OptionalDate(Field.BanExpires),
        Metadata = d.Map(Field.Metadata),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
        DeletedAt = d.OptionalDate(Field.DeletedAt),
    };
}
