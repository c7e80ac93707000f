namespace Authsome.AppHost.Orchestration;

/// <summary>
/// Where a project the AppHost starts lives, generated at build time as a class of the <c>Projects</c> namespace
/// for each ProjectReference marked <c>AppHostResource="true"</c> (see ProjectResources.targets).
/// </summary>
public interface IProjectMetadata
{
    /// <summary>Full path of the project file.</summary>
    string ProjectPath { get; }

    /// <summary>Full path of the project's built assembly, which is what the AppHost runs.</summary>
    string AssemblyPath { get; }
}
