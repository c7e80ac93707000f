using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Form configurations in <c>authsome_form_configs</c>, one per app and form type.</summary>
internal sealed class MongoFormConfigStore(MongoContext context) : IFormConfigStore
{
    private const string Entity = "form config";
    private readonly IMongoCollection<BsonDocument> _configs = context.Collection(MongoCollections.FormConfigs);

    public ValueTask CreateAsync(FormConfig formConfig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formConfig);
        return MongoCall.RunAsync(Entity, () => _configs.InsertOneAsync(FormConfigDocument.ToBson(formConfig), cancellationToken: cancellationToken));
    }

    public ValueTask<FormConfig?> GetAsync(Id<App> appId, string formType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formType);
        return MongoCall.RunAsync(Entity, () => _configs.FindOneAsync(FieldIs(Field.AppId, appId) & Filter.Eq(Field.FormType, formType), FormConfigDocument.FromBson, cancellationToken));
    }

    public ValueTask UpdateAsync(FormConfig formConfig, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formConfig);
        var update = SetAllExcept(FormConfigDocument.ToBson(formConfig), Field.CreatedAt);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _configs.UpdateOneAsync(IdIs(formConfig.Id), update, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount == 0)
            {
                throw new StoreNotFoundException(Entity);
            }
        });
    }

    public ValueTask<bool> DeleteAsync(Id<FormConfig> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () => (await _configs.DeleteOneAsync(IdIs(id), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);

    public ValueTask<IReadOnlyList<FormConfig>> ListAsync(Id<App> appId, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _configs.ListAsync(FieldIs(Field.AppId, appId), FormConfigDocument.FromBson, cancellationToken));
}
