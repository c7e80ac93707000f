using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Verifications in <c>authsome_verifications</c>; consumption is one filtered update, so exactly one caller wins.</summary>
internal sealed class MongoVerificationStore(MongoContext context) : IVerificationStore
{
    private const string Entity = "verification";
    private readonly IMongoCollection<BsonDocument> _verifications = context.Collection(MongoCollections.Verifications);

    public ValueTask CreateAsync(Verification verification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return MongoCall.RunAsync(Entity, () => _verifications.InsertOneAsync(VerificationDocument.ToBson(verification), cancellationToken: cancellationToken));
    }

    public ValueTask<Verification?> GetAsync(Id<Verification> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _verifications.FindOneAsync(IdIs(id), VerificationDocument.FromBson, cancellationToken));

    public ValueTask<Verification?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _verifications.FindOneAsync(Filter.Eq(Field.TokenHash, tokenHash.Hex), VerificationDocument.FromBson, cancellationToken));

    public ValueTask<Verification?> GetActiveAsync(Id<User> userId, VerificationType type, DateTimeOffset now, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var filter = FieldIs(Field.UserId, userId) & Filter.Eq(Field.Type, BsonWrite.Enum(type)) & Outstanding(now);
            var newest = await _verifications.Find(filter).Sort(Builders<BsonDocument>.Sort.Descending(Field.Id)).Limit(1)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return newest is null ? null : VerificationDocument.FromBson(newest);
        });

    public ValueTask<int> IncrementAttemptsAsync(Id<Verification> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var updated = await _verifications.FindOneAndUpdateAsync(
                IdIs(id),
                Update.Inc(Field.Attempts, 1),
                new FindOneAndUpdateOptions<BsonDocument>
                {
                    ReturnDocument = ReturnDocument.After,
                    Projection = Builders<BsonDocument>.Projection.Include(Field.Attempts),
                },
                cancellationToken).ConfigureAwait(false);
            return updated?.Int(Field.Attempts) ?? 0;
        });

    public ValueTask<bool> ConsumeAsync(Id<Verification> id, DateTimeOffset now, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _verifications.UpdateOneAsync(IdIs(id) & Outstanding(now), ConsumeAt(now), cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.ModifiedCount == 1;
        });

    public ValueTask<int> ConsumeAllAsync(Id<User> userId, VerificationType type, DateTimeOffset now, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var filter = FieldIs(Field.UserId, userId) & Filter.Eq(Field.Type, BsonWrite.Enum(type)) & Outstanding(now);
            var result = await _verifications.UpdateManyAsync(filter, ConsumeAt(now), cancellationToken: cancellationToken).ConfigureAwait(false);
            return (int)result.ModifiedCount;
        });
}
