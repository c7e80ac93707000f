using System.Text;
using MongoDB.Bson;
using MongoDB.Driver;
using static Authsome.Store.Mongo.MongoQueries;

namespace Authsome.Store.Mongo;

/// <summary>Users in <c>authsome_users</c>. "Live" is <c>deleted_at: null</c>, the same predicate the unique partial indexes use.</summary>
internal sealed class MongoUserStore(MongoContext context) : IUserStore
{
    private const string Entity = "user";
    private readonly IMongoCollection<BsonDocument> _users = context.Collection(MongoCollections.Users);

    public ValueTask CreateAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return MongoCall.RunAsync(Entity, () => _users.InsertOneAsync(UserDocument.ToBson(user), cancellationToken: cancellationToken));
    }

    public ValueTask<User?> GetAsync(Id<User> id, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _users.FindOneAsync(IdIs(id) & Live, UserDocument.FromBson, cancellationToken));

    public ValueTask<User?> GetByEmailAsync(Id<App> appId, Id<AppEnvironment> envId, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        return FindLiveAsync(appId, envId, Filter.Eq(Field.Email, email.ToLowerInvariant()), cancellationToken);
    }

    public ValueTask<User?> GetByPhoneAsync(Id<App> appId, Id<AppEnvironment> envId, string phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return FindLiveAsync(appId, envId, Filter.Eq(Field.Phone, phone), cancellationToken);
    }

    public ValueTask<User?> GetByUsernameAsync(Id<App> appId, Id<AppEnvironment> envId, string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        return FindLiveAsync(appId, envId, Filter.Eq(Field.Username, username.ToLowerInvariant()), cancellationToken);
    }

    public ValueTask<bool> UpdateAsync(User original, User updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(updated);
        var changed = UserFields.Changed(original, updated);
        if (changed.Count == 0)
        {
            return ValueTask.FromResult(true);
        }

        // $set only the changed fields, matching only while each still holds the value the caller read (compare-and-set).
        var before = UserDocument.ToBson(original);
        var after = UserDocument.ToBson(updated);
        var filter = IdIs(original.Id) & Live;
        var update = Update.Set(Field.UpdatedAt, after[Field.UpdatedAt]);
        foreach (var field in changed)
        {
            var name = UserFields.StorageName(field);
            update = update.Set(name, after[name]);
            if (UserFields.IsCompared(field))
            {
                filter &= Filter.Eq(name, before[name]);
            }
        }

        return MongoCall.RunAsync(Entity, async () =>
        {
            var result = await _users.UpdateOneAsync(filter, update, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (result.MatchedCount > 0)
            {
                return true;
            }

            return await _users.FindOneAsync(IdIs(original.Id) & Live, UserDocument.FromBson, cancellationToken).ConfigureAwait(false) is null
                ? throw new StoreNotFoundException(Entity)
                : false;
        });
    }

    public ValueTask<bool> DeleteAsync(Id<User> id, DateTimeOffset deletedAt, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, async () =>
        {
            var update = Update.Set(Field.DeletedAt, BsonWrite.Date(StoreTime.Normalize(deletedAt)));
            var result = await _users.UpdateOneAsync(IdIs(id) & Live, update, cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.MatchedCount > 0;
        });

    public ValueTask<Page<User>> ListAsync(UserQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = FieldIs(Field.AppId, query.AppId) & Live;
        if (query.EnvId is { } envId)
        {
            filter &= FieldIs(Field.EnvId, envId);
        }

        if (!string.IsNullOrEmpty(query.EmailContains))
        {
            filter &= Filter.Regex(Field.Email, new BsonRegularExpression(LiteralPattern(query.EmailContains.ToLowerInvariant())));
        }

        return MongoCall.RunAsync(Entity, () => _users.PageAsync(filter, query.Page, UserDocument.FromBson, u => u.Id, cancellationToken));
    }

    internal static FilterDefinition<BsonDocument> Live => IsNull(Field.DeletedAt);

    private ValueTask<User?> FindLiveAsync(Id<App> appId, Id<AppEnvironment> envId, FilterDefinition<BsonDocument> match, CancellationToken cancellationToken) =>
        MongoCall.RunAsync(Entity, () => _users.FindOneAsync(
            FieldIs(Field.AppId, appId) & FieldIs(Field.EnvId, envId) & match & Live,
            UserDocument.FromBson,
            cancellationToken));

    /// <summary>
    /// A regular expression that matches <paramref name="text"/> literally: every character that is not an ASCII
    /// letter or digit is written as a code-point escape (<c>\x{...}</c>), so no metacharacter, backslash sequence
    /// or NUL in hostile input can change the pattern's meaning or break the BSON regex encoding.
    /// </summary>
    internal static string LiteralPattern(string text)
    {
        var pattern = new StringBuilder(text.Length * 2);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && Rune.IsLetterOrDigit(rune))
            {
                pattern.Append((char)rune.Value);
            }
            else
            {
                pattern.Append(@"\x{").Append(rune.Value.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append('}');
            }
        }

        return pattern.ToString();
    }
}
