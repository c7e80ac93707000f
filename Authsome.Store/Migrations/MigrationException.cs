namespace Authsome.Store.Migrations;

/// <summary>
/// A migration run could not proceed: the groups do not form a valid plan (a missing dependency, a cycle, a
/// duplicate group, a script missing for the backend's dialect), an applied migration was edited, or a
/// migration failed. <see cref="Group"/>, <see cref="Version"/> and <see cref="MigrationName"/> name the
/// migration when one is at fault.
/// </summary>
public sealed class MigrationException : StoreException
{
    /// <summary>Creates the exception.</summary>
    public MigrationException(string message, string? group = null, long? version = null, string? migrationName = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Group = group;
        Version = version;
        MigrationName = migrationName;
    }

    public string? Group { get; }

    public long? Version { get; }

    public string? MigrationName { get; }
}
