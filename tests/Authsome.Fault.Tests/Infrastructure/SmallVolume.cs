using System.Diagnostics;

namespace Authsome.Fault.Tests.Infrastructure;

/// <summary>
/// A small tmpfs mounted for one test, which a filler file can make full and deleting it frees again: a disk running
/// out of space under a live database. Mounting needs root; the test skips without it.
/// </summary>
internal sealed class SmallVolume : IAsyncDisposable
{
    private SmallVolume(string path) => Path = path;

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static async Task<SmallVolume> MountAsync(int megabytes, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Assert.Skip("Mounting a small tmpfs needs root on Linux.");
        }

        var path = Directory.CreateTempSubdirectory("authsome-fault-disk-").FullName;
        await RunAsync("mount", ["-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", path], cancellationToken);
        return new SmallVolume(path);
    }

    /// <summary>Writes a file until the volume refuses more (ENOSPC); returns its size.</summary>
    public long Fill()
    {
        var chunk = new byte[64 * 1024];
        using var stream = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                stream.Write(chunk);
            }
        }
        catch (IOException)
        {
            // Full. Closing may fail too, for the last partial write; what was written stays.
        }

        return new FileInfo(Filler).Length;
    }

    /// <summary>Deletes the filler: the space returns.</summary>
    public void Free() => File.Delete(Filler);

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await RunAsync("umount", ["-l", Path], CancellationToken.None);
        Directory.Delete(Path);
    }

    private static async Task RunAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, UseShellExecute = false })!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        }
    }
}
