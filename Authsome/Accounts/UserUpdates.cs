using Authsome.Store;

namespace Authsome.Accounts;

/// <summary>Read-change-write of a user that never undoes a concurrent change (see <see cref="IUserStore.UpdateAsync"/>).</summary>
internal static class UserUpdates
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// Applies <paramref name="change"/> to <paramref name="current"/> and writes only the fields it changed; when a
    /// concurrent change of one of those fields won, reads the user again and applies the change to that. Returns the
    /// user as written, or null when the user is gone. Throws <see cref="StoreConflictException"/> like the store.
    /// </summary>
    public static async ValueTask<User?> ApplyAsync(this IUserStore users, User current, Func<User, User> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var updated = change(current);
            try
            {
                if (await users.UpdateAsync(current, updated, cancellationToken))
                {
                    return updated;
                }
            }
            catch (StoreNotFoundException)
            {
                return null;
            }

            if (attempt == MaxAttempts || await users.GetAsync(current.Id, cancellationToken) is not { } fresh)
            {
                return attempt == MaxAttempts ? throw new StoreUnavailableException("The user kept changing; try again.") : null;
            }

            current = fresh;
        }
    }
}
