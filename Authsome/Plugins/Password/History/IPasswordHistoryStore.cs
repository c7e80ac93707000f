using Authsome.Store;

namespace Authsome.Plugins.Password.History;

/// <summary>
/// The password plugin's own storage: the hashes of a user's previous passwords (never the passwords), newest first.
/// Every shipped store provides it through <see cref="PasswordHistoryStore.Definition"/>; a custom store used with
/// <c>AddPassword()</c> implements this interface itself (or <c>Authsome:Password:HistoryLength</c> is 0).
/// </summary>
public interface IPasswordHistoryStore
{
    /// <summary>
    /// The user's most recent entries, newest first (by <see cref="PasswordHistoryEntry.CreatedAt"/>; entries of the same
    /// millisecond in any order), at most <paramref name="count"/>. An unknown user has none.
    /// </summary>
    ValueTask<IReadOnlyList<PasswordHistoryEntry>> GetRecentAsync(Id<User> userId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Records a hash the user just stopped using, then keeps only the user's newest <paramref name="keep"/> entries, in one
    /// atomic step (two adds for one user at the same moment may leave one entry more, which the next add trims). Throws <see cref="StoreConflictException"/> (<see cref="ConflictKind.MissingReference"/>) when no user
    /// has the id. A user's entries go when the user's app is deleted.
    /// </summary>
    ValueTask AddAsync(Id<User> userId, PasswordHistoryEntry entry, int keep, CancellationToken cancellationToken);
}
