using System.Text;
using System.Text.RegularExpressions;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Authsome.Store.Mongo;

/// <summary>
/// Translates what the driver throws into the store's error contract, so no driver exception, index name or
/// stored value reaches a caller: duplicate keys become <see cref="StoreConflictException"/> (the kind decided
/// from the index name), an unreachable or overloaded server <see cref="StoreUnavailableException"/>, anything
/// else from the driver a plain <see cref="StoreException"/>.
/// </summary>
internal static partial class MongoErrors
{
    private const int DuplicateKey = 11000;
    private const int DuplicateKeyLegacy = 11001;
    private const int WriteConflict = 112;

    /// <summary>Whether the exception comes from the driver (or the BSON layer under it) and must be translated.</summary>
    public static bool IsDriverError(Exception exception) =>
        exception is MongoException or TimeoutException or BsonException or EncoderFallbackException;

    public static Exception Translate(Exception exception, string entity) => exception switch
    {
        _ when IsDuplicateKey(exception, out var index) =>
            new StoreConflictException(MongoIndexes.ConflictKindOf(index), entity, exception),
        EncoderFallbackException =>
            new ArgumentException($"The {entity} holds text that is not valid Unicode (a lone surrogate), which cannot be stored.", exception),
        BsonSerializationException =>
            new ArgumentException($"The {entity} holds text MongoDB cannot store (such as a NUL character in a map key).", exception),
        _ when IsUnavailable(exception) =>
            new StoreUnavailableException("The MongoDB server could not be reached or did not answer in time.", exception),
        _ => new StoreException($"The MongoDB store failed on a {entity}.", exception),
    };

    /// <summary>True for a duplicate-key error; <paramref name="index"/> is the violated index's name when the server names it.</summary>
    public static bool IsDuplicateKey(Exception exception, out string? index)
    {
        index = null;
        string? message = exception switch
        {
            MongoWriteException { WriteError: { Category: ServerErrorCategory.DuplicateKey } error } => error.Message,
            MongoBulkWriteException bulk when bulk.WriteErrors.FirstOrDefault(e => e.Category == ServerErrorCategory.DuplicateKey) is { } error => error.Message,
            MongoCommandException { Code: DuplicateKey or DuplicateKeyLegacy } command => command.ErrorMessage ?? command.Message,
            _ => null,
        };

        if (message is null)
        {
            return false;
        }

        index = IndexNameIn(message);
        return true;
    }

    /// <summary>
    /// The index a duplicate-key message names. mongod says "E11000 duplicate key error collection: db.c index:
    /// users_email_unique dup key: {...}", other servers "... Index 'users_email_unique'": the name follows "index".
    /// </summary>
    internal static string? IndexNameIn(string message)
    {
        var match = IndexName().Match(message);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>A write that lost a race with another one (the operation may simply be retried).</summary>
    public static bool IsWriteConflict(Exception exception) => exception switch
    {
        MongoWriteException { WriteError.Code: WriteConflict } => true,
        MongoCommandException { Code: WriteConflict } => true,
        _ => false,
    };

    private static bool IsUnavailable(Exception exception) => exception switch
    {
        _ when IsWriteConflict(exception) => true,
        TimeoutException or MongoConnectionException or MongoConnectionPoolPausedException or MongoExecutionTimeoutException
            or MongoWaitQueueFullException or MongoNotPrimaryException or MongoNodeIsRecoveringException or MongoAuthenticationException => true,
        MongoException mongo => mongo.HasErrorLabel("TransientTransactionError") || mongo.HasErrorLabel("RetryableWriteError"),
        _ => false,
    };

    [GeneratedRegex(@"index:?\s+'?([^\s'"":]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex IndexName();
}
