using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Devices in <c>authsome_devices</c>, fingerprints unique per user.</summary>
internal sealed class MongoDeviceStore(MongoContext context) : IDeviceStore
{
    private const string Entity = "device";
    private readonly IMongoCollection<BsonDocument> _devices = context.Collection(MongoCollections.Devices);

    public ValueTask CreateAsync(Device device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        return MongoCall.RunAsync(Entity, () => _devices.InsertOneAsync(DeviceDocument.ToBson(device), cancellationToken: cancellationToken));
    }

    public ValueTask<Device?> GetAsync(Id<Device> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _devices.FindOneAsync(IdIs(id), DeviceDocument.FromBson, cancellationToken));

    public ValueTask<Device> RecordSightingAsync(Device seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return MongoCall.RunAsync(Entity, () => _devices.UpsertAsync(
            FieldIs(Field.UserId, seen.UserId) & Filter.Eq(Field.Fingerprint, seen.Fingerprint),
            DeviceDocument.ToBson(seen),
            name => name is not (Field.IpAddress or Field.LastSeenAt or Field.UpdatedAt),
            DeviceDocument.FromBson,
            cancellationToken));
    }

    public ValueTask<Device?> GetByFingerprintAsync(Id<User> userId, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return MongoCall.RunAsync(Entity, () => _devices.FindOneAsync(FieldIs(Field.UserId, userId) & Filter.Eq(Field.Fingerprint, fingerprint), DeviceDocument.FromBson, cancellationToken));
    }

    public ValueTask UpdateAsync(Device device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var update = SetAllExcept(DeviceDocument.ToBson(device), Field.CreatedAt);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _devices.UpdateOneAsync(IdIs(device.Id), update, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    public ValueTask<bool> DeleteAsync(Id<Device> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () => (await _devices.DeleteOneAsync(IdIs(id), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);

    public ValueTask<IReadOnlyList<Device>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _devices.ListAsync(FieldIs(Field.UserId, userId), DeviceDocument.FromBson, cancellationToken));

    public ValueTask<Page<Device>> ListByAppAsync(Id<App> appId, PageRequest page, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _devices.PageAsync(FieldIs(Field.AppId, appId), page, DeviceDocument.FromBson, d => d.Id, cancellationToken));
}
