namespace Authsome.Store.Migrations;

/// <summary>
/// A named, ordered list of migrations owned by one component: the core group <c>authsome</c> of each
/// backend, or a plugin's group (<c>authsome-password</c>, <c>authsome-mfa</c>, ...) that depends on it.
/// All groups given to a store run together in one orchestrated run, dependencies first.
/// </summary>
public sealed class MigrationGroup
{
    /// <summary>The core group's name; plugin groups depend on it.</summary>
    public const string CoreName = "authsome";

    /// <summary>Creates a group; throws when two migrations share a version.</summary>
    public MigrationGroup(string name, IEnumerable<string> dependsOn, IEnumerable<Migration> migrations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(dependsOn);
        ArgumentNullException.ThrowIfNull(migrations);
        Name = name;
        DependsOn = [.. dependsOn.Distinct(StringComparer.Ordinal)];
        Migrations = [.. migrations.OrderBy(m => m.Version)];
        for (var i = 1; i < Migrations.Count; i++)
        {
            if (Migrations[i].Version == Migrations[i - 1].Version)
            {
                throw new ArgumentException($"Migration group {name} has two migrations with version {Migrations[i].Version}.", nameof(migrations));
            }
        }
    }

    public string Name { get; }

    /// <summary>Groups whose migrations must all run before this group's.</summary>
    public IReadOnlyList<string> DependsOn { get; }

    /// <summary>The migrations in version order.</summary>
    public IReadOnlyList<Migration> Migrations { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
