namespace Authsome.Store.Mongo;

/// <summary>Knobs of a <see cref="MongoStore"/> that only tests turn: the defaults suit production.</summary>
internal sealed record MongoStoreSettings
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long a migration lock lease lasts without renewal: the longest a crashed migrator can block the next one. Renewed every third of it.</summary>
    public TimeSpan LockLease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a waiting migrator looks at the lock again.</summary>
    public TimeSpan LockPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Null to ask the server whether it has transactions; false to run as on a standalone server.</summary>
    public bool? Transactions { get; init; }
}
