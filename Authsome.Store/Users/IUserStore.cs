namespace Authsome.Store;

/// <summary>
/// Users. Reads never return soft-deleted users. Emails and usernames compare case-insensitively and are
/// unique among live users of one app and environment; phones likewise, compared exactly.
/// </summary>
public interface IUserStore
{
    /// <summary>Stores a new user. Throws <see cref="StoreConflictException"/> with EmailTaken, UsernameTaken, PhoneTaken or Duplicate (id).</summary>
    ValueTask CreateAsync(User user, CancellationToken cancellationToken);

    /// <summary>The live user with this id, or null.</summary>
    ValueTask<User?> GetAsync(Id<User> id, CancellationToken cancellationToken);

    /// <summary>The live user with this email (any case) in the app and environment, or null.</summary>
    ValueTask<User?> GetByEmailAsync(Id<App> appId, Id<AppEnvironment> envId, string email, CancellationToken cancellationToken);

    /// <summary>The live user with this phone in the app and environment, or null.</summary>
    ValueTask<User?> GetByPhoneAsync(Id<App> appId, Id<AppEnvironment> envId, string phone, CancellationToken cancellationToken);

    /// <summary>The live user with this username (any case) in the app and environment, or null.</summary>
    ValueTask<User?> GetByUsernameAsync(Id<App> appId, Id<AppEnvironment> envId, string username, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the fields that differ between <paramref name="original"/> (the user as the caller read it) and
    /// <paramref name="updated"/>, and <see cref="User.UpdatedAt"/>, and nothing else, so concurrent changes of other
    /// fields are never undone. Compare-and-set: it writes only if every changed field (except the metadata map, see
    /// <see cref="UserFields.IsCompared"/>) still holds the original's value, and returns false, changing nothing,
    /// when one does not (a concurrent change of the same field won: read again and decide). Returns true without
    /// writing when nothing differs. Throws <see cref="StoreNotFoundException"/> when there is no live user,
    /// <see cref="StoreConflictException"/> like create.
    /// </summary>
    ValueTask<bool> UpdateAsync(User original, User updated, CancellationToken cancellationToken);

    /// <summary>Soft-deletes a live user; false when there was none.</summary>
    ValueTask<bool> DeleteAsync(Id<User> id, DateTimeOffset deletedAt, CancellationToken cancellationToken);

    /// <summary>Live users matching the query, in id order, with the total that match.</summary>
    ValueTask<Page<User>> ListAsync(UserQuery query, CancellationToken cancellationToken);
}
