using System.Security.Cryptography;
using System.Text;

namespace Authsome.Store.Migrations;

/// <summary>
/// What one migration does on one kind of database. A migration carries one script per dialect it supports;
/// a backend runs the script of its own dialect. The checksum is recorded when the script is applied, so a
/// script edited after it ran is reported instead of silently skipped.
/// </summary>
public abstract class MigrationScript
{
    /// <summary>The dialect this script is written for (see <see cref="MigrationDialects"/>).</summary>
    public abstract string Dialect { get; }

    /// <summary>A stable digest of what the script does.</summary>
    public abstract string Checksum { get; }

    /// <summary>SHA-256 of a script's canonical text, as hex; line endings are normalised so a checkout on Windows does not change it.</summary>
    protected static string ChecksumOf(string canonicalText)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        var normalized = canonicalText.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}

/// <summary>The dialect names of the shipped backends.</summary>
public static class MigrationDialects
{
    public const string Postgres = "postgres";
    public const string Sqlite = "sqlite";
    public const string Mongo = "mongo";
}

/// <summary>A migration step written in SQL for one relational dialect, with an optional reverse step.</summary>
public sealed class SqlMigrationScript : MigrationScript
{
    /// <summary>Creates the script. <paramref name="down"/> is given only where reversing is safe.</summary>
    public SqlMigrationScript(string dialect, string up, string? down = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialect);
        ArgumentException.ThrowIfNullOrWhiteSpace(up);
        Dialect = dialect;
        Up = up;
        Down = down;
        Checksum = ChecksumOf(up);
    }

    /// <inheritdoc />
    public override string Dialect { get; }

    /// <inheritdoc />
    public override string Checksum { get; }

    /// <summary>The SQL that applies the migration.</summary>
    public string Up { get; }

    /// <summary>The SQL that reverses it, or null where that would lose data.</summary>
    public string? Down { get; }

    /// <summary>A PostgreSQL script.</summary>
    public static SqlMigrationScript Postgres(string up, string? down = null) => new(MigrationDialects.Postgres, up, down);

    /// <summary>A SQLite script.</summary>
    public static SqlMigrationScript Sqlite(string up, string? down = null) => new(MigrationDialects.Sqlite, up, down);
}
