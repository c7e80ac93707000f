namespace Authsome.Store.Migrations;

/// <summary>A migration of the plan, applied or pending.</summary>
public sealed record PlannedMigration(string Group, long Version, string Name, DateTimeOffset? AppliedAt)
{
    public bool IsApplied => AppliedAt is not null;
}

/// <summary>
/// What a database holds compared with what this build's groups expect: every planned migration in run order,
/// and those recorded as applied that no group given knows (from a newer build, or a removed plugin).
/// </summary>
public sealed record MigrationStatus(IReadOnlyList<PlannedMigration> Planned, IReadOnlyList<AppliedMigration> Unknown)
{
    public IEnumerable<PlannedMigration> Pending => Planned.Where(m => !m.IsApplied);

    /// <summary>True when nothing is pending: the schema is what this build expects.</summary>
    public bool IsUpToDate => Planned.All(m => m.IsApplied);
}
