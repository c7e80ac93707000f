using Authsome.Store.Migrations;

namespace Authsome.Store.Mongo;

/// <summary>
/// A migration's MongoDB script (dialect <c>mongo</c>): an ordered list of steps that create collections and
/// indexes (or drop indexes, or run a command). It is data, not code, so its checksum is a stable digest of what it
/// does, and an edited script is reported instead of silently skipped.
/// </summary>
/// <example>
/// <code>
/// new Migration(20260301000000, "mfa_factors", new MongoMigrationScript(
///     MongoMigrationStep.CreateCollection("authsome_mfa_factors"),
///     MongoMigrationStep.CreateIndex("authsome_mfa_factors", new MongoIndex("mfa_factors_user", "user_id"))));
/// </code>
/// </example>
public sealed class MongoMigrationScript : MigrationScript
{
    /// <summary>Creates the script; throws when it has no step.</summary>
    public MongoMigrationScript(params IEnumerable<MongoMigrationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = [.. steps];
        if (Steps.Count == 0 || Steps.Any(s => s is null))
        {
            throw new ArgumentException("A MongoDB migration script needs at least one step, and no null step.", nameof(steps));
        }

        Checksum = ChecksumOf(string.Join("\n", Steps.Select(s => s.Canonical)));
    }

    /// <inheritdoc />
    public override string Dialect => MigrationDialects.Mongo;

    /// <inheritdoc />
    public override string Checksum { get; }

    /// <summary>The steps, in the order they run.</summary>
    public IReadOnlyList<MongoMigrationStep> Steps { get; }
}
