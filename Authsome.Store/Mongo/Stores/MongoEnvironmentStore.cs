using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>
/// Environments in <c>authsome_environments</c>. A unique index on <c>app_id</c>, partial on <c>is_default: true</c>,
/// holds the "at most one default per app" rule even against concurrent writers.
/// </summary>
internal sealed class MongoEnvironmentStore(MongoContext context) : IEnvironmentStore
{
    private const string Entity = "environment";
    private readonly IMongoCollection<BsonDocument> _environments = context.Collection(MongoCollections.Environments);

    public ValueTask CreateAsync(AppEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return MongoCall.RunAsync(Entity, () => _environments.InsertOneAsync(EnvironmentDocument.ToBson(environment), cancellationToken: cancellationToken));
    }

    public ValueTask<AppEnvironment?> GetAsync(Id<AppEnvironment> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _environments.FindOneAsync(IdIs(id), EnvironmentDocument.FromBson, cancellationToken));

    public ValueTask<AppEnvironment?> GetBySlugAsync(Id<App> appId, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return MongoCall.RunAsync(Entity, () => _environments.FindOneAsync(FieldIs(Field.AppId, appId) & Filter.Eq(Field.Slug, slug), EnvironmentDocument.FromBson, cancellationToken));
    }

    public ValueTask<AppEnvironment?> GetDefaultAsync(Id<App> appId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _environments.FindOneAsync(FieldIs(Field.AppId, appId) & IsDefault, EnvironmentDocument.FromBson, cancellationToken));

    /// <summary>
    /// Clears the old default before setting the new one (the unique index would refuse the other order), in one
    /// transaction where the server has them. A set that meets a default which appeared after this call's clear (or its
    /// transaction's snapshot) has met a concurrent call that set it later: this call is ordered before that one and
    /// returns, rather than clearing again (many calls doing so on a slow server undid each other until their attempts
    /// ran out); inside a caller's unit of work that error goes to the unit, whose transaction the server has ended.
    /// Write conflicts are retried by <see cref="MongoCall"/>, as for every operation.
    /// </summary>
    public ValueTask SetDefaultAsync(Id<App> appId, Id<AppEnvironment> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            try
            {
                await context.InTransactionAsync((session, ct) => SetDefaultOnceAsync(session, appId, id, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (MongoException ex) when (MongoErrors.IsDuplicateKey(ex, out var index) && index == MongoIndexes.EnvironmentsDefault
                && MongoUnit.Of(context) is null)
            {
                // The later call's default stands (see above).
            }
        });

    public ValueTask UpdateAsync(AppEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var update = SetAllExcept(EnvironmentDocument.ToBson(environment), Field.IsDefault, Field.CreatedAt);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _environments.UpdateOneAsync(IdIs(environment.Id), update, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    public ValueTask<bool> DeleteAsync(Id<AppEnvironment> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _environments.DeleteOneAsync(IdIs(id) & Filter.Eq(Field.IsDefault, false), cancellationToken).ConfigureAwait(false);
            if (result.DeletedCount > 0)
            {
                return true;
            }

            return await _environments.CountDocumentsAsync(IdIs(id), cancellationToken: cancellationToken).ConfigureAwait(false) > 0
                ? throw new StoreConflictException(ConflictKind.DefaultEnvironment, Entity)
                : false;
        });

    public ValueTask<IReadOnlyList<AppEnvironment>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _environments.ListAsync(FieldIs(Field.AppId, appId), EnvironmentDocument.FromBson, cancellationToken));

    private static FilterDefinition<BsonDocument> IsDefault => Filter.Eq(Field.IsDefault, true);

    private async Task<bool> SetDefaultOnceAsync(IClientSessionHandle session, Id<App> appId, Id<AppEnvironment> id, CancellationToken cancellationToken)
    {
        var target = IdIs(id) & FieldIs(Field.AppId, appId);
        if (await _environments.CountDocumentsAsync(session, target, cancellationToken: cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new StoreNotFoundException(Entity);
        }

        await _environments.UpdateManyAsync(
            session,
            FieldIs(Field.AppId, appId) & IsDefault & Filter.Ne(Field.Id, id.ToString()),
            Update.Set(Field.IsDefault, false),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var result = await _environments.UpdateOneAsync(session, target, Update.Set(Field.IsDefault, true), cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.MatchedCount > 0 ? true : throw new StoreNotFoundException(Entity);
    }
}
