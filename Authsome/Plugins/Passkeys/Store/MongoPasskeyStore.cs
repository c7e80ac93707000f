using Authsome.Store;
using Authsome.Store.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Plugins.Passkeys.Store;

/// <summary>Passkeys in the <c>authsome_passkey*</c> collections of the store's MongoDB database; a user's passkeys go with the user's app.</summary>
internal sealed class MongoPasskeyStore : IPasskeyStore
{
    private const string Entity = "passkey";
    private const string ChallengeEntity = "passkey challenge";

    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<BsonDocument> Update = Builders<BsonDocument>.Update;

    private readonly MongoPluginContext _context;
    private readonly IMongoCollection<BsonDocument> _passkeys;
    private readonly IMongoCollection<BsonDocument> _challenges;

    public MongoPasskeyStore(MongoPluginContext context)
    {
        _context = context;
        _passkeys = _context.Collection(PasskeyMigrations.PasskeysTable);
        _challenges = _context.Collection(PasskeyMigrations.ChallengesTable);
        _context.DeleteWithUsers(PasskeyMigrations.PasskeysTable);
    }

    public async ValueTask CreateAsync(Passkey passkey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        await _context.InTransactionAsync(Entity, async (session, ct) =>
        {
            await _context.EnsureUserExistsAsync(session, passkey.UserId, Entity, ct).ConfigureAwait(false);
            await _passkeys.InsertOneAsync(session, new BsonDocument
            {
                ["_id"] = passkey.Id.ToString(),
                ["app_id"] = passkey.AppId.ToString(),
                ["user_id"] = passkey.UserId.ToString(),
                ["credential_id"] = new BsonBinaryData(passkey.CredentialId),
                ["public_key"] = new BsonBinaryData(passkey.PublicKey),
                ["user_handle"] = new BsonBinaryData(passkey.UserHandle),
                ["sign_count"] = passkey.SignCount,
                ["name"] = passkey.Name,
                ["transports"] = new BsonArray(passkey.Transports),
                ["aaguid"] = passkey.AaGuid.ToString("D"),
                ["backup_eligible"] = passkey.BackupEligible,
                ["backed_up"] = passkey.BackedUp,
                ["last_used_at"] = Time(passkey.LastUsedAt),
                ["created_at"] = Time(passkey.CreatedAt),
                ["updated_at"] = Time(passkey.UpdatedAt),
            }, cancellationToken: ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<Passkey?> GetAsync(Id<Passkey> id, CancellationToken cancellationToken) =>
        await FindOneAsync(Filter.Eq("_id", id.ToString()), cancellationToken).ConfigureAwait(false);

    public async ValueTask<Passkey?> GetByCredentialIdAsync(byte[] credentialId, CancellationToken cancellationToken) =>
        await FindOneAsync(Filter.Eq("credential_id", new BsonBinaryData(credentialId)), cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyList<Passkey>> ListByUserAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await _context.RunAsync<IReadOnlyList<Passkey>>(Entity, async () =>
        {
            var documents = await _passkeys.Find(Filter.Eq("user_id", userId.ToString())).Sort(Builders<BsonDocument>.Sort.Ascending("_id"))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. documents.Select(Map)];
        }).ConfigureAwait(false);

    public async ValueTask<bool> RenameAsync(Id<Passkey> id, string name, DateTimeOffset at, CancellationToken cancellationToken) =>
        await _context.RunAsync(Entity, async () => (await _passkeys.UpdateOneAsync(
            Filter.Eq("_id", id.ToString()), Update.Set("name", name).Set("updated_at", Time(at)),
            cancellationToken: cancellationToken).ConfigureAwait(false)).MatchedCount > 0).ConfigureAwait(false);

    public async ValueTask<bool> RecordUseAsync(Id<Passkey> id, long expectedSignCount, long signCount, bool backedUp, DateTimeOffset at, CancellationToken cancellationToken) =>
        await _context.RunAsync(Entity, async () => (await _passkeys.UpdateOneAsync(
            Filter.Eq("_id", id.ToString()) & Filter.Eq("sign_count", expectedSignCount),
            Update.Set("sign_count", signCount).Set("backed_up", backedUp).Set("last_used_at", Time(at)).Set("updated_at", Time(at)),
            cancellationToken: cancellationToken).ConfigureAwait(false)).MatchedCount > 0).ConfigureAwait(false);

    public async ValueTask<bool> DeleteAsync(Id<Passkey> id, CancellationToken cancellationToken) =>
        await _context.RunAsync(Entity, async () =>
            (await _passkeys.DeleteOneAsync(Filter.Eq("_id", id.ToString()), cancellationToken).ConfigureAwait(false)).DeletedCount > 0).ConfigureAwait(false);

    public async ValueTask CreateChallengeAsync(PasskeyChallenge challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        await _context.RunAsync(ChallengeEntity, () => _challenges.InsertOneAsync(new BsonDocument
        {
            ["_id"] = challenge.Id.ToString(),
            ["app_id"] = challenge.AppId.ToString(),
            ["user_id"] = challenge.UserId is { } user ? user.ToString() : BsonNull.Value,
            ["ceremony"] = challenge.Ceremony.ToString(),
            ["challenge_hash"] = challenge.ChallengeHash.Hex,
            ["options_json"] = challenge.OptionsJson,
            ["expires_at"] = Time(challenge.ExpiresAt),
            ["created_at"] = Time(challenge.CreatedAt),
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async ValueTask<PasskeyChallenge?> TakeChallengeAsync(SecretHash challengeHash, CancellationToken cancellationToken) =>
        await _context.RunAsync(ChallengeEntity, async () =>
        {
            var d = await _challenges.FindOneAndDeleteAsync(Filter.Eq("challenge_hash", challengeHash.Hex), cancellationToken: cancellationToken).ConfigureAwait(false);
            return d is null ? null : new PasskeyChallenge
            {
                Id = Id<PasskeyChallenge>.Parse(d["_id"].AsString),
                AppId = Id<App>.Parse(d["app_id"].AsString),
                UserId = d["user_id"].IsBsonNull ? null : Id<User>.Parse(d["user_id"].AsString),
                Ceremony = Enum.Parse<PasskeyCeremony>(d["ceremony"].AsString),
                ChallengeHash = SecretHash.FromHex(d["challenge_hash"].AsString),
                OptionsJson = d["options_json"].AsString,
                ExpiresAt = d["expires_at"].ToUniversalTime(),
                CreatedAt = d["created_at"].ToUniversalTime(),
            };
        }).ConfigureAwait(false);

    public async ValueTask<int> PurgeExpiredChallengesAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await _context.RunAsync(ChallengeEntity, async () =>
            (int)(await _challenges.DeleteManyAsync(Filter.Lte("expires_at", Time(now)), cancellationToken).ConfigureAwait(false)).DeletedCount).ConfigureAwait(false);

    private async Task<Passkey?> FindOneAsync(FilterDefinition<BsonDocument> filter, CancellationToken cancellationToken) =>
        await _context.RunAsync(Entity, async () =>
        {
            var document = await _passkeys.Find(filter).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return document is null ? null : Map(document);
        }).ConfigureAwait(false);

    private static Passkey Map(BsonDocument d) => new()
    {
        Id = Id<Passkey>.Parse(d["_id"].AsString),
        AppId = Id<App>.Parse(d["app_id"].AsString),
        UserId = Id<User>.Parse(d["user_id"].AsString),
        CredentialId = d["credential_id"].AsByteArray,
        PublicKey = d["public_key"].AsByteArray,
        UserHandle = d["user_handle"].AsByteArray,
        SignCount = d["sign_count"].ToInt64(),
        Name = d["name"].AsString,
        Transports = [.. d["transports"].AsBsonArray.Select(t => t.AsString)],
        AaGuid = Guid.Parse(d["aaguid"].AsString),
        BackupEligible = d["backup_eligible"].AsBoolean,
        BackedUp = d["backed_up"].AsBoolean,
        LastUsedAt = d["last_used_at"].IsBsonNull ? null : d["last_used_at"].ToUniversalTime(),
        CreatedAt = d["created_at"].ToUniversalTime(),
        UpdatedAt = d["updated_at"].ToUniversalTime(),
    };

    private static BsonValue Time(DateTimeOffset? at) => at is { } value ? new BsonDateTime(StoreTime.Normalize(value).UtcDateTime) : BsonNull.Value;
}
