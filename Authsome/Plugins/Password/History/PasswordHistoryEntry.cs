using Authsome.Store;

namespace Authsome.Plugins.Password.History;

/// <summary>One previous password of a user: its hash (in the hasher's format) and when it was replaced.</summary>
public sealed record PasswordHistoryEntry
{
    /// <summary>Creates an entry; <paramref name="createdAt"/> is normalised to UTC milliseconds, as every store keeps it.</summary>
    public PasswordHistoryEntry(string passwordHash, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        PasswordHash = passwordHash;
        CreatedAt = StoreTime.Normalize(createdAt);
    }

    /// <summary>The password's hash.</summary>
    public string PasswordHash { get; }

    /// <summary>When the user stopped using it.</summary>
    public DateTimeOffset CreatedAt { get; }
}
