using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Settings in <c>authsome_settings</c>, unique per (key, scope, scope id).</summary>
internal sealed class MongoSettingsStore(MongoContext context) : ISettingsStore
{
    private const string Entity = "setting";
    private readonly IMongoCollection<BsonDocument> _settings = context.Collection(MongoCollections.Settings);

    public ValueTask<Setting?> GetAsync(string key, SettingScope scope, string scopeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(scopeId);
        return MongoCall.RunAsync(Entity, () => _settings.FindOneAsync(Key(key, scope, scopeId), SettingDocument.FromBson, cancellationToken));
    }

    public ValueTask<Setting> SetAsync(Setting setting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setting);
        return MongoCall.RunAsync(Entity, () => _settings.UpsertAsync(Key(setting.Key, setting.Scope, setting.ScopeId), SettingDocument.ToBson(setting), SettingDocument.FromBson, cancellationToken));
    }

    public ValueTask<bool> DeleteAsync(string key, SettingScope scope, string scopeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(scopeId);
        return MongoCall.RunAsync(Entity, async () => (await _settings.DeleteOneAsync(Key(key, scope, scopeId), cancellationToken).ConfigureAwait(false)).DeletedCount > 0);
    }

    /// <summary>Ordered by key ordinally here (a scope holds few settings), so the order never depends on the server's string collation.</summary>
    public ValueTask<IReadOnlyList<Setting>> ListAsync(SettingScope scope, string scopeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopeId);
        return MongoCall.RunAsync(Entity, async () =>
        {
            var filter = Filter.Eq(Field.Scope, BsonWrite.Enum(scope)) & Filter.Eq(Field.ScopeId, scopeId);
            var documents = await _settings.Find(filter).ToListAsync(cancellationToken).ConfigureAwait(false);
            return (IReadOnlyList<Setting>)[.. documents.Select(SettingDocument.FromBson).OrderBy(s => s.Key, StringComparer.Ordinal)];
        });
    }

    private static FilterDefinition<BsonDocument> Key(string key, SettingScope scope, string scopeId) =>
        Filter.Eq(Field.Key, key) & Filter.Eq(Field.Scope, BsonWrite.Enum(scope)) & Filter.Eq(Field.ScopeId, scopeId);
}
