using MongoDB.Bson;
using static Authsome.Store.Mongo.BsonWrite;

namespace Authsome.Store.Mongo;

/// <summary><see cref="Device"/> as stored in <c>authsome_devices</c>.</summary>
internal static class DeviceDocument
{
    public static BsonDocument ToBson(Device device) => new()
    {
        { Field.Id, Id(device.Id) },
        { Field.AppId, Id(device.AppId) },
        { Field.UserId, Id(device.UserId) },
        { Field.Name, Text(device.Name) },
        { Field.Type, Text(device.Type) },
        { Field.Browser, Text(device.Browser) },
        { Field.Os, Text(device.Os) },
        { Field.IpAddress, Text(device.IpAddress) },
        { Field.Fingerprint, Text(device.Fingerprint) },
        { Field.Trusted, device.Trusted },
        { Field.TrustedAt, Date(device.TrustedAt) },
        { Field.LastSeenAt, Date(device.LastSeenAt) },
        { Field.CreatedAt, Date(device.CreatedAt) },
        { Field.UpdatedAt, Date(device.UpdatedAt) },
    };

    public static Device FromBson(BsonDocument d) => new()
    {
        Id = d.Id<Device>(Field.Id),
        AppId = d.Id<App>(Field.AppId),
        UserId = d.Id<User>(Field.UserId),
        Name = d.OptionalText(Field.Name),
        Type = d.OptionalText(Field.Type),
        Browser = d.OptionalText(Field.Browser),
        Os = d.OptionalText(Field.Os),
        IpAddress = d.OptionalText(Field.IpAddress),
        Fingerprint = d.Text(Field.Fingerprint),
        Trusted = d.Bool(Field.Trusted),
        TrustedAt = d.OptionalDate(Field.TrustedAt),
        LastSeenAt = d.Date(Field.LastSeenAt),
        CreatedAt = d.Date(Field.CreatedAt),
        UpdatedAt = d.Date(Field.UpdatedAt),
    };
}
