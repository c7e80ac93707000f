using System.Globalization;

namespace Authsome.Hosting;

/// <summary>
/// The directory holding a PostgreSQL server's programs (<c>initdb</c>, <c>pg_ctl</c>,
/// <c>postgres</c>), found on this machine.
/// </summary>
internal sealed class PostgresBinaries
{
    /// <summary>Where Debian and Ubuntu install each major version: <c>/usr/lib/postgresql/N/bin</c>.</summary>
    internal const string DebianRoot = "/usr/lib/postgresql";

    internal const string NotFoundMessage = "PostgreSQL server binaries not found; install the 'postgresql' package";

    private static readonly string[] s_serverPrograms = ["initdb", "pg_ctl", "postgres"];

    private PostgresBinaries(string binDirectory)
    {
        BinDirectory = binDirectory;
    }

    /// <summary>The directory itself.</summary>
    public string BinDirectory { get; }

    /// <summary>Full path of <c>initdb</c>.</summary>
    public string Initdb => Path.Combine(BinDirectory, "initdb");

    /// <summary>Full path of <c>pg_ctl</c>.</summary>
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>
    /// Finds the server binaries. An explicit <paramref name="binDirectory"/> is used as is;
    /// otherwise the first directory holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c> among:
    /// the highest version under <c>/usr/lib/postgresql/*/bin</c>, <c>pg_config --bindir</c>, and the
    /// directories of <c>PATH</c>.
    /// </summary>
    /// <exception cref="LocalPostgresException">No such directory exists.</exception>
    public static async Task<PostgresBinaries> LocateAsync(string? binDirectory, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(binDirectory))
        {
            var full = Path.GetFullPath(binDirectory);
            return IsServerBinDirectory(full)
                ? new PostgresBinaries(full)
                : throw new LocalPostgresException(
                    $"{NotFoundMessage} (the configured directory '{full}' lacks initdb, pg_ctl or postgres).");
        }

        foreach (var candidate in DebianCandidates(DebianRoot))
        {
            if (IsServerBinDirectory(candidate))
            {
                return new PostgresBinaries(candidate);
            }
        }

        var fromPgConfig = await PgConfigBinDirectoryAsync(cancellationToken);
        if (fromPgConfig is not null && IsServerBinDirectory(fromPgConfig))
        {
            return new PostgresBinaries(fromPgConfig);
        }

        foreach (var directory in PathDirectories())
        {
            if (IsServerBinDirectory(directory))
            {
                return new PostgresBinaries(directory);
            }
        }

        throw new LocalPostgresException(
            $"{NotFoundMessage} (looked in {DebianRoot}/*/bin, pg_config --bindir and PATH).");
    }

    /// <summary>Whether <paramref name="directory"/> holds all three server programs.</summary>
    internal static bool IsServerBinDirectory(string directory) =>
        s_serverPrograms.All(program => File.Exists(Path.Combine(directory, program)));

    /// <summary>The <c>N/bin</c> directories under <paramref name="root"/>, highest version first.</summary>
    internal static IEnumerable<string> DebianCandidates(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(root)
            .Select(directory => (Directory: directory, Version: ParseVersion(Path.GetFileName(directory))))
            .Where(entry => entry.Version is not null)
            .OrderByDescending(entry => entry.Version)
            .Select(entry => Path.Combine(entry.Directory, "bin"))
            .ToList();
    }

    private static Version? ParseVersion(string name)
    {
        // Major versions are "15", "16"; before 10 they were "9.6".
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return new Version(major, 0);
        }

        return Version.TryParse(name, out var version) ? version : null;
    }

    private static async Task<string?> PgConfigBinDirectoryAsync(CancellationToken cancellationToken)
    {
        var pgConfig = PathDirectories()
            .Select(directory => Path.Combine(directory, "pg_config"))
            .FirstOrDefault(File.Exists);
        if (pgConfig is null)
        {
            return null;
        }

        try
        {
            var result = await ToolRunner.RunAsync(
                pgConfig, ["--bindir"], runAsUser: null, Environment.CurrentDirectory, TimeSpan.FromSeconds(10), cancellationToken);
            var output = result.OutputTail.Trim();
            return result.Succeeded && output.Length > 0 ? output : null;
        }
        catch (LocalPostgresException)
        {
            return null;
        }
    }

    private static IEnumerable<string> PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
