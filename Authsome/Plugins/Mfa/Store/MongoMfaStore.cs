using Authsome.Store;
using Authsome.Store.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Plugins.Mfa.Store;

/// <summary>The MFA store in the <c>authsome_mfa_*</c> collections of the store's MongoDB database; documents go with their user's app.</summary>
internal sealed class MongoMfaStore : IMfaStore
{
    private const string TotpEntity = "TOTP factor";
    private const string CodeEntity = "recovery code";
    private const string TicketEntity = "MFA ticket";

    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<BsonDocument> Update = Builders<BsonDocument>.Update;

    private readonly MongoPluginContext _context;
    private readonly IMongoCollection<BsonDocument> _totp;
    private readonly IMongoCollection<BsonDocument> _codes;
    private readonly IMongoCollection<BsonDocument> _tickets;

    public MongoMfaStore(MongoPluginContext context)
    {
        _context = context;
        _totp = _context.Collection(MfaMigrations.TotpTable);
        _codes = _context.Collection(MfaMigrations.RecoveryCodesTable);
        _tickets = _context.Collection(MfaMigrations.TicketsTable);
        _context.DeleteWithUsers(MfaMigrations.TotpTable);
        _context.DeleteWithUsers(MfaMigrations.RecoveryCodesTable);
        _context.DeleteWithUsers(MfaMigrations.TicketsTable);
    }

    public async ValueTask<TotpFactor?> GetTotpAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await _context.RunAsync(TotpEntity, async () =>
        {
            var document = await _totp.Find(OfUser(userId)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return document is null ? null : new TotpFactor
            {
                Id = Id<TotpFactor>.Parse(document["_id"].AsString),
                AppId = Id<App>.Parse(document["app_id"].AsString),
                UserId = userId,
                ProtectedSecret = document["protected_secret"].AsString,
                ConfirmedAt = TimeOrNull(document["confirmed_at"]),
                LastUsedStep = document["last_used_step"].IsBsonNull ? null : document["last_used_step"].AsInt64,
                CreatedAt = document["created_at"].ToUniversalTime(),
                UpdatedAt = document["updated_at"].ToUniversalTime(),
            };
        }).ConfigureAwait(false);

    public async ValueTask SaveTotpAsync(TotpFactor factor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factor);
        await _context.InTransactionAsync(TotpEntity, async (session, ct) =>
        {
            await _context.EnsureUserExistsAsync(session, factor.UserId, TotpEntity, ct).ConfigureAwait(false);
            await _totp.DeleteOneAsync(session, OfUser(factor.UserId), cancellationToken: ct).ConfigureAwait(false);
            await _totp.InsertOneAsync(session, new BsonDocument
            {
                ["_id"] = factor.Id.ToString(),
                ["app_id"] = factor.AppId.ToString(),
                ["user_id"] = factor.UserId.ToString(),
                ["protected_secret"] = factor.ProtectedSecret,
                ["confirmed_at"] = Time(factor.ConfirmedAt),
                ["last_used_step"] = factor.LastUsedStep is { } step ? new BsonInt64(step) : BsonNull.Value,
                ["created_at"] = Time(factor.CreatedAt),
                ["updated_at"] = Time(factor.UpdatedAt),
            }, cancellationToken: ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> ConfirmTotpAsync(Id<TotpFactor> id, long step, DateTimeOffset at, CancellationToken cancellationToken) =>
        await _context.RunAsync(TotpEntity, async () => (await _totp.UpdateOneAsync(
            Filter.Eq("_id", id.ToString()) & Filter.Eq("confirmed_at", BsonNull.Value),
            Update.Set("confirmed_at", Time(at)).Set("last_used_step", step).Set("updated_at", Time(at)),
            cancellationToken: cancellationToken).ConfigureAwait(false)).ModifiedCount > 0).ConfigureAwait(false);

    public async ValueTask<bool> TryUseStepAsync(Id<TotpFactor> id, long step, DateTimeOffset at, CancellationToken cancellationToken) =>
        await _context.RunAsync(TotpEntity, async () => (await _totp.UpdateOneAsync(
            Filter.Eq("_id", id.ToString()) & (Filter.Eq("last_used_step", BsonNull.Value) | Filter.Lt("last_used_step", step)),
            Update.Set("last_used_step", step).Set("updated_at", Time(at)),
            cancellationToken: cancellationToken).ConfigureAwait(false)).ModifiedCount > 0).ConfigureAwait(false);

    // Codes first, factor last: without a transaction, an interrupted run is finished by running it again.
    public async ValueTask<bool> DeleteTotpAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await _context.InTransactionAsync(TotpEntity, async (session, ct) =>
        {
            await _codes.DeleteManyAsync(session, OfUser(userId), cancellationToken: ct).ConfigureAwait(false);
            return (await _totp.DeleteOneAsync(session, OfUser(userId), cancellationToken: ct).ConfigureAwait(false)).DeletedCount > 0;
        }, cancellationToken).ConfigureAwait(false);

    public async ValueTask ReplaceRecoveryCodesAsync(Id<User> userId, IReadOnlyList<RecoveryCode> replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        await _context.InTransactionAsync(CodeEntity, async (session, ct) =>
        {
            await _context.EnsureUserExistsAsync(session, userId, CodeEntity, ct).ConfigureAwait(false);
            await _codes.DeleteManyAsync(session, OfUser(userId), cancellationToken: ct).ConfigureAwait(false);
            if (replacement.Count > 0)
            {
                await _codes.InsertManyAsync(session, replacement.Select(c => new BsonDocument
                {
                    ["_id"] = c.Id.ToString(),
                    ["user_id"] = userId.ToString(),
                    ["code_hash"] = c.CodeHash.Hex,
                    ["used_at"] = Time(c.UsedAt),
                    ["created_at"] = Time(c.CreatedAt),
                }), cancellationToken: ct).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> UseRecoveryCodeAsync(Id<User> userId, SecretHash codeHash, DateTimeOffset at, CancellationToken cancellationToken) =>
        await _context.RunAsync(CodeEntity, async () => (await _codes.UpdateOneAsync(
            OfUser(userId) & Filter.Eq("code_hash", codeHash.Hex) & Filter.Eq("used_at", BsonNull.Value),
            Update.Set("used_at", Time(at)),
            cancellationToken: cancellationToken).ConfigureAwait(false)).ModifiedCount > 0).ConfigureAwait(false);

    public async ValueTask<int> CountRecoveryCodesAsync(Id<User> userId, CancellationToken cancellationToken) =>
        await _context.RunAsync(CodeEntity, async () => (int)await _codes.CountDocumentsAsync(
            OfUser(userId) & Filter.Eq("used_at", BsonNull.Value), cancellationToken: cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    public async ValueTask CreateTicketAsync(MfaTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await _context.InTransactionAsync(TicketEntity, async (session, ct) =>
        {
            await _context.EnsureUserExistsAsync(session, ticket.UserId, TicketEntity, ct).ConfigureAwait(false);
            await _tickets.InsertOneAsync(session, new BsonDocument
            {
                ["_id"] = ticket.Id.ToString(),
                ["app_id"] = ticket.AppId.ToString(),
                ["user_id"] = ticket.UserId.ToString(),
                ["token_hash"] = ticket.TokenHash.Hex,
                ["purpose"] = ticket.Purpose.ToString(),
                ["method"] = ticket.Method,
                ["attempts"] = ticket.Attempts,
                ["expires_at"] = Time(ticket.ExpiresAt),
                ["created_at"] = Time(ticket.CreatedAt),
            }, cancellationToken: ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<MfaTicket?> GetTicketAsync(SecretHash tokenHash, CancellationToken cancellationToken) =>
        await _context.RunAsync(TicketEntity, async () =>
        {
            var d = await _tickets.Find(Filter.Eq("token_hash", tokenHash.Hex)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return d is null ? null : new MfaTicket
            {
                Id = Id<MfaTicket>.Parse(d["_id"].AsString),
                AppId = Id<App>.Parse(d["app_id"].AsString),
                UserId = Id<User>.Parse(d["user_id"].AsString),
                TokenHash = SecretHash.FromHex(d["token_hash"].AsString),
                Purpose = Enum.Parse<MfaTicketPurpose>(d["purpose"].AsString),
                Method = d["method"].AsString,
                Attempts = d["attempts"].AsInt32,
                ExpiresAt = d["expires_at"].ToUniversalTime(),
                CreatedAt = d["created_at"].ToUniversalTime(),
            };
        }).ConfigureAwait(false);

    public async ValueTask<int> RecordTicketFailureAsync(Id<MfaTicket> id, CancellationToken cancellationToken) =>
        await _context.RunAsync(TicketEntity, async () =>
        {
            var updated = await _tickets.FindOneAndUpdateAsync(
                Filter.Eq("_id", id.ToString()), Update.Inc("attempts", 1),
                new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken).ConfigureAwait(false);
            return updated?["attempts"].AsInt32 ?? 0;
        }).ConfigureAwait(false);

    public async ValueTask<bool> DeleteTicketAsync(Id<MfaTicket> id, CancellationToken cancellationToken) =>
        await _context.RunAsync(TicketEntity, async () =>
            (await _tickets.DeleteOneAsync(Filter.Eq("_id", id.ToString()), cancellationToken).ConfigureAwait(false)).DeletedCount > 0).ConfigureAwait(false);

    public async ValueTask<int> PurgeExpiredTicketsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await _context.RunAsync(TicketEntity, async () =>
            (int)(await _tickets.DeleteManyAsync(Filter.Lte("expires_at", Time(now)), cancellationToken).ConfigureAwait(false)).DeletedCount).ConfigureAwait(false);

    private static FilterDefinition<BsonDocument> OfUser(Id<User> userId) => Filter.Eq("user_id", userId.ToString());

    private static BsonValue Time(DateTimeOffset? at) => at is { } value ? new BsonDateTime(StoreTime.Normalize(value).UtcDateTime) : BsonNull.Value;

    private static DateTimeOffset? TimeOrNull(BsonValue value) => value.IsBsonNull ? null : value.ToUniversalTime();
}
