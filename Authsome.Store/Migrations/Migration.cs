namespace Authsome.Store.Migrations;

/// <summary>
/// One versioned schema change of a group. The version is a 14-digit timestamp (yyyyMMddHHmmss); within a
/// group migrations run in version order. It carries a script for each dialect it supports.
/// </summary>
public sealed class Migration
{
    /// <summary>Creates a migration; throws when two scripts share a dialect or none is given.</summary>
    public Migration(long version, string name, params IEnumerable<MigrationScript> scripts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(scripts);
        Version = version;
        Name = name;
        var byDialect = new Dictionary<string, MigrationScript>(StringComparer.Ordinal);
        foreach (var script in scripts)
        {
            if (!byDialect.TryAdd(script.Dialect, script))
            {
                throw new ArgumentException($"Migration {version} {name} has two {script.Dialect} scripts.", nameof(scripts));
            }
        }

        if (byDialect.Count == 0)
        {
            throw new ArgumentException($"Migration {version} {name} has no script.", nameof(scripts));
        }

        Scripts = byDialect;
    }

    public long Version { get; }

    public string Name { get; }

    /// <summary>The scripts by dialect.</summary>
    public IReadOnlyDictionary<string, MigrationScript> Scripts { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Version} {Name}";
}
