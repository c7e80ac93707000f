using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Password resets in <c>authsome_password_resets</c>; consumption is one filtered update, so exactly one caller wins.</summary>
internal sealed class MongoPasswordResetStore(MongoContext context) : IPasswordResetStore
{
    private const string Entity = "password reset";
    private readonly IMongoCollection<BsonDocument> _resets = context.Collection(MongoCollections.PasswordResets);

    public ValueTask CreateAsync(PasswordReset reset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reset);
        return MongoCall.RunAsync(Entity, () => _resets.InsertOneAsync(PasswordResetDocument.ToBson(reset), cancellationToken: cancellationToken));
    }

    public ValueTask<PasswordReset?> GetByTokenHashAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _resets.FindOneAsync(Filter.Eq(Field.TokenHash, tokenHash.Hex), PasswordResetDocument.FromBson, cancellationToken));

    public ValueTask<bool> ConsumeAsync(Id<PasswordReset> id, DateTimeOffset now, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var filter = IdIs(id) & Outstanding(now);
            var result = await _resets.UpdateOneAsync(filter, ConsumeAt(now), cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.ModifiedCount == 1;
        });

    public ValueTask<int> ConsumeAllAsync(Id<User> userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var filter = FieldIs(Field.UserId, userId) & Outstanding(now);
            var result = await _resets.UpdateManyAsync(filter, ConsumeAt(now), cancellationToken: cancellationToken).ConfigureAwait(false);
            return (int)result.ModifiedCount;
        });
}
