using System.Globalization;
using System.Security.Cryptography;

namespace Authsome.Hosting;

/// <summary>
/// The layout of one throw-away cluster's temporary directory:
/// <c>authsome-pg-XXXXXXXX/{data, run, postgres.log, owner.pid}</c>. <c>owner.pid</c> names the
/// process that made it, so a later start can remove what a killed process left behind.
/// </summary>
internal sealed class ClusterDirectory
{
    public const string Prefix = "authsome-pg-";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private ClusterDirectory(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public string Data => Path.Combine(Root, "data");

    public string SocketDirectory => Path.Combine(Root, "run");

    public string LogFile => Path.Combine(Root, "postgres.log");

    public string OwnerFile => Path.Combine(Root, "owner.pid");

    public string PasswordFile => Path.Combine(Root, "pwfile");

    public string SettingsFile => Path.Combine(Data, "authsome.conf");

    public string PostmasterPidFile => Path.Combine(Data, "postmaster.pid");

    /// <summary>Creates a fresh, owner-only directory under <paramref name="parent"/> with the socket directory and owner file.</summary>
    public static ClusterDirectory Create(string parent)
    {
        Directory.CreateDirectory(parent);
        for (var attempt = 0; ; attempt++)
        {
            var root = Path.Combine(parent, Prefix + RandomNumberGenerator.GetHexString(8, lowercase: true));
            if (Directory.Exists(root) && attempt < 10)
            {
                continue;
            }

            CreateOwnerOnly(root);
            var directory = new ClusterDirectory(root);
            CreateOwnerOnly(directory.SocketDirectory);
            File.WriteAllText(directory.OwnerFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            return directory;
        }
    }

    public static ClusterDirectory Existing(string root) => new(root);

    /// <summary>The process id in <c>owner.pid</c>, or <see langword="null"/> when it is missing or unreadable.</summary>
    public int? ReadOwner()
    {
        try
        {
            return int.TryParse(File.ReadAllText(OwnerFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                ? pid
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes a file only its owner can read (the initial superuser password for initdb).</summary>
    public void WriteSecret(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, options);
        writer.Write(content);
    }

    /// <summary>The last <paramref name="maxCharacters"/> characters of the server log, or empty.</summary>
    public string ReadLogTail(int maxCharacters = 4000)
    {
        try
        {
            var text = File.ReadAllText(LogFile);
            return text.Length <= maxCharacters ? text : text[^maxCharacters..];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnly);
        }
    }

    /// <summary>Deletes the whole directory, retrying briefly while a stopping server lets go of its files.</summary>
    public void Delete()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Root))
                {
                    Directory.Delete(Root, recursive: true);
                }

                return;
            }
            catch (Exception exception) when (attempt < 5 && exception is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100 * attempt);
            }
        }
    }
}
