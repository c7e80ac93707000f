namespace Authsome.Store.Mongo;

/// <summary>How the migration lock behaves; the defaults suit production, tests shorten them.</summary>
internal sealed record MongoMigrationOptions
{
    /// <summary>How long a lease lasts without renewal: the longest a crashed migrator can block the next one. Renewed every third of it.</summary>
    public TimeSpan LockLease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a waiting migrator looks at the lock again.</summary>
    public TimeSpan LockPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
