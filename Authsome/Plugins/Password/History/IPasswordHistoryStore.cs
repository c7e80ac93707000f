using Authsome.Store;

namespace Authsome.Plugins.Password.History;

/// <summary>The password plugin's own storage: the hashes of a user's recent passwords (never the passwords).</summary>
internal interface IPasswordHistoryStore
{
    /// <summary>The user's most recent password hashes, newest first, at most <paramref name="count"/>.</summary>
    ValueTask<IReadOnlyList<string>> GetRecentAsync(Id<User> userId, int count, CancellationToken cancellationToken);

    /// <summary>Records a hash the user just stopped using and keeps only the newest <paramref name="keep"/>.</summary>
    ValueTask AddAsync(Id<User> userId, string passwordHash, DateTimeOffset at, int keep, CancellationToken cancellationToken);
}
