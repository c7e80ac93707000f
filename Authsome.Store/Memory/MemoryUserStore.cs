namespace Authsome.Store.Memory;

internal sealed class MemoryUserStore(MemoryState state) : IUserStore
{
    private MemoryTable<User> Users => state.Users;

    public ValueTask CreateAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return state.Run(() => Users.Insert(user), cancellationToken);
    }

    public ValueTask<User?> GetAsync(Id<User> id, CancellationToken cancellationToken) =>
        state.Run(() => Live(id), cancellationToken);

    public ValueTask<User?> GetByEmailAsync(Id<App> appId, Id<AppEnvironment> envId, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        return state.Run(() => Users.Find(state.UsersByEmail, (appId, envId, email.ToLowerInvariant())), cancellationToken);
    }

    public ValueTask<User?> GetByPhoneAsync(Id<App> appId, Id<AppEnvironment> envId, string phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return state.Run(() => Users.Find(state.UsersByPhone, (appId, envId, phone)), cancellationToken);
    }

    public ValueTask<User?> GetByUsernameAsync(Id<App> appId, Id<AppEnvironment> envId, string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        return state.Run(() => Users.Find(state.UsersByUsername, (appId, envId, username.ToLowerInvariant())), cancellationToken);
    }

    public ValueTask<bool> UpdateAsync(User original, User updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(updated);
        var changed = UserFields.Changed(original, updated);
        return state.Run(
            () =>
            {
                var stored = Live(original.Id) ?? throw new StoreNotFoundException(Users.Entity);
                if (changed.Count == 0)
                {
                    return true;
                }

                if (changed.Any(f => UserFields.IsCompared(f) && !Equals(UserFields.Value(stored, f), UserFields.Value(original, f))))
                {
                    return false;
                }

                var next = stored with { UpdatedAt = updated.UpdatedAt };
                foreach (var field in changed)
                {
                    next = UserFields.Copy(next, updated, field);
                }

                Users.Replace(next);
                return true;
            },
            cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(Id<User> id, DateTimeOffset deletedAt, CancellationToken cancellationToken) =>
        state.Run(
            () =>
            {
                if (Live(id) is not { } stored)
                {
                    return false;
                }

                Users.Replace(stored with { DeletedAt = deletedAt });
                return true;
            },
            cancellationToken);

    public ValueTask<Page<User>> ListAsync(UserQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var fragment = query.EmailContains?.ToLowerInvariant();
        return state.Run(
            () => Users.Page(
                u => u.DeletedAt is null
                    && u.AppId == query.AppId
                    && (query.EnvId is not { } envId || u.EnvId == envId)
                    && (fragment is null || u.Email.Contains(fragment, StringComparison.Ordinal)),
                query.Page),
            cancellationToken);
    }

    private User? Live(Id<User> id) => Users.Get(id) is { DeletedAt: null } user ? user : null;
}
