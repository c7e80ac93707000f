namespace Authsome.Hosting.Tests;

/// <summary>
/// A scratch directory deleted on dispose, searchable by everyone (0755) so that the server's OS
/// user can reach clusters made inside it when the tests run as root.
/// </summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = Directory.CreateTempSubdirectory("authsome-hosting-tests-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(
                Path,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
