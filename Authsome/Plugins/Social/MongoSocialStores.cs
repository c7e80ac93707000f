using Authsome.Plugins.Federation;
using Authsome.Store;
using Authsome.Store.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Plugins.Social;

/// <summary>Linked accounts in the <c>authsome_social_accounts</c> collection; documents go with their user's app.</summary>
internal sealed class MongoSocialAccountStore : ISocialAccountStore
{
    private const string Entity = "social account";

    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    private readonly MongoPluginContext context;
    private readonly IMongoCollection<BsonDocument> accounts;

    public MongoSocialAccountStore(MongoPluginContext context)
    {
        this.context = context;
        accounts = context.Collection(SocialMigrations.AccountsTable);
        context.DeleteWithUsers(SocialMigrations.AccountsTable);
    }

    public async ValueTask CreateAsync(SocialAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await context.InTransactionAsync(Entity, async (session, ct) =>
        {
            await context.EnsureUserExistsAsync(session, account.UserId, Entity, ct).ConfigureAwait(false);
            await accounts.InsertOneAsync(session, Document(account), cancellationToken: ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<SocialAccount?> GetAsync(Id<SocialAccount> id, CancellationToken cancellationToken) =>
        await FirstAsync(Filter.Eq("_id", id.ToString()), cancellationToken).ConfigureAwait(false);

    public async ValueTask<SocialAccount?> GetBySubjectAsync(Id<App> appId, string provider, string subject, CancellationToken cancellationToken) =>
        await FirstAsync(Filter.Eq("app_id", appId.ToString()) & Filter.Eq("provider", provider) & Filter.Eq("subject", subject), cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<SocialAccount>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken)
    {
        var documents = await context.RunAsync(Entity, () => accounts.Find(Filter.Eq("user_id", userId.ToString())).Sort(Builders<BsonDocument>.Sort.Ascending("_id")).ToListAsync(cancellationToken)).ConfigureAwait(false);
        return [.. documents.Select(Map)];
    }

    public async ValueTask UpdateAsync(SocialAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var result = await context.RunAsync(Entity, () => accounts.UpdateOneAsync(
            Filter.Eq("_id", account.Id.ToString()),
            Builders<BsonDocument>.Update
                .Set("email", PluginBson.Text(account.Email))
                .Set("protected_access_token", PluginBson.Text(account.ProtectedAccessToken))
                .Set("protected_refresh_token", PluginBson.Text(account.ProtectedRefreshToken))
                .Set("updated_at", PluginBson.Date(account.UpdatedAt)),
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (result.MatchedCount == 0)
        {
            throw new StoreNotFoundException(Entity);
        }
    }

    public async ValueTask<bool> DeleteAsync(Id<SocialAccount> id, CancellationToken cancellationToken) =>
        (await context.RunAsync(Entity, () => accounts.DeleteOneAsync(Filter.Eq("_id", id.ToString()), cancellationToken)).ConfigureAwait(false)).DeletedCount > 0;

    private async Task<SocialAccount?> FirstAsync(FilterDefinition<BsonDocument> filter, CancellationToken cancellationToken)
    {
        var document = await context.RunAsync(Entity, () => accounts.Find(filter).Limit(1).FirstOrDefaultAsync(cancellationToken)).ConfigureAwait(false);
        return document is null ? null : Map(document);
    }

    private static BsonDocument Document(SocialAccount a) => new()
    {
        ["_id"] = a.Id.ToString(),
        ["app_id"] = a.AppId.ToString(),
        ["user_id"] = a.UserId.ToString(),
        ["provider"] = a.Provider,
        ["subject"] = a.Subject,
        ["email"] = PluginBson.Text(a.Email),
        ["protected_access_token"] = PluginBson.Text(a.ProtectedAccessToken),
        ["protected_refresh_token"] = PluginBson.Text(a.ProtectedRefreshToken),
        ["created_at"] = PluginBson.Date(a.CreatedAt),
        ["updated_at"] = PluginBson.Date(a.UpdatedAt),
    };

    private static SocialAccount Map(BsonDocument d) => new()
    {
        Id = Id<SocialAccount>.Parse(d["_id"].AsString),
        AppId = Id<App>.Parse(d["app_id"].AsString),
        UserId = Id<User>.Parse(d["user_id"].AsString),
        Provider = d["provider"].AsString,
        Subject = d["subject"].AsString,
        Email = d.ReadOptionalText("email"),
        ProtectedAccessToken = d.ReadOptionalText("protected_access_token"),
        ProtectedRefreshToken = d.ReadOptionalText("protected_refresh_token"),
        CreatedAt = d.ReadDate("created_at"),
        UpdatedAt = d.ReadDate("updated_at"),
    };
}

/// <summary>Social grants in the <c>authsome_social_grants</c> collection.</summary>
internal sealed class MongoSocialGrantStore : ISocialGrantStore
{
    private const string Entity = "social grant";

    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    private readonly MongoPluginContext context;
    private readonly IMongoCollection<BsonDocument> grants;

    public MongoSocialGrantStore(MongoPluginContext context)
    {
        this.context = context;
        grants = context.Collection(SocialMigrations.GrantsTable);
        context.DeleteWithUsers(SocialMigrations.GrantsTable);
    }

    public async ValueTask CreateAsync(SocialGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        await context.RunAsync(Entity, () => grants.InsertOneAsync(new BsonDocument
        {
            ["_id"] = grant.Id.ToString(),
            ["app_id"] = grant.AppId.ToString(),
            ["kind"] = SocialStores.KindText(grant.Kind),
            ["token_hash"] = grant.TokenHash.Hex,
            ["provider"] = grant.Provider,
            ["redirect_uri"] = grant.RedirectUri,
            ["user_id"] = PluginBson.Text(grant.UserId?.ToString()),
            ["expires_at"] = PluginBson.Date(grant.ExpiresAt),
            ["consumed_at"] = BsonNull.Value,
            ["created_at"] = PluginBson.Date(grant.CreatedAt),
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async ValueTask<SocialGrant?> ConsumeAsync(Id<App> appId, SocialGrantKind kind, SecretHash tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var at = StoreTime.Normalize(now);
        var d = await context.RunAsync(Entity, () => grants.FindOneAndUpdateAsync(
            Filter.Eq("token_hash", tokenHash.Hex) & Filter.Eq("app_id", appId.ToString()) & Filter.Eq("kind", SocialStores.KindText(kind))
                & Filter.Eq("consumed_at", BsonNull.Value) & Filter.Gt("expires_at", PluginBson.Date(at)),
            Builders<BsonDocument>.Update.Set("consumed_at", PluginBson.Date(at)),
            new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After },
            cancellationToken)).ConfigureAwait(false);
        return d is null ? null : new SocialGrant
        {
            Id = Id<SocialGrant>.Parse(d["_id"].AsString),
            AppId = Id<App>.Parse(d["app_id"].AsString),
            Kind = SocialStores.ParseKind(d["kind"].AsString),
            TokenHash = SecretHash.FromHex(d["token_hash"].AsString),
            Provider = d["provider"].AsString,
            RedirectUri = d["redirect_uri"].AsString,
            UserId = d.ReadOptionalText("user_id") is { } user ? Id<User>.Parse(user) : null,
            ExpiresAt = d.ReadDate("expires_at"),
            ConsumedAt = d.ReadOptionalDate("consumed_at"),
            CreatedAt = d.ReadDate("created_at"),
        };
    }

    public async ValueTask<int> PurgeAsync(DateTimeOffset expiredBy, CancellationToken cancellationToken) =>
        (int)(await context.RunAsync(Entity, () => grants.DeleteManyAsync(Filter.Lte("expires_at", PluginBson.Date(StoreTime.Normalize(expiredBy))), cancellationToken)).ConfigureAwait(false)).DeletedCount;
}
