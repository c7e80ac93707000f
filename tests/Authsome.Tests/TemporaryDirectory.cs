namespace Authsome.Tests;

/// <summary>A fresh directory under the system temp folder, deleted with its contents on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("authsome-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
