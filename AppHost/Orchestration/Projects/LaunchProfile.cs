using System.Text.Json;

namespace Authsome.AppHost.Orchestration;

/// <summary>
/// The launch profile of a project (<c>Properties/launchSettings.json</c>) the AppHost applies, as Aspire does:
/// its http application URL becomes the project's http endpoint and its environment variables are passed on.
/// </summary>
public sealed record LaunchProfile(string Name, IReadOnlyList<Uri> ApplicationUrls, IReadOnlyDictionary<string, string> EnvironmentVariables)
{
    /// <summary>
    /// The profile named <paramref name="preferredName"/> when the project has it, else the first whose
    /// <c>commandName</c> is <c>Project</c>; null when the project has no launch settings or no such profile.
    /// </summary>
    public static LaunchProfile? Read(string projectPath, string? preferredName)
    {
        var file = Path.Combine(Path.GetDirectoryName(projectPath)!, "Properties", "launchSettings.json");
        if (!File.Exists(file))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var candidates = profiles.EnumerateObject()
            .Where(p => p.Value.TryGetProperty("commandName", out var command) && command.GetString() == "Project")
            .ToList();
        var chosen = candidates.FirstOrDefault(p => p.Name == preferredName);
        if (chosen.Value.ValueKind != JsonValueKind.Object)
        {
            chosen = candidates.FirstOrDefault();
        }

        if (chosen.Value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var urls = chosen.Value.TryGetProperty("applicationUrl", out var applicationUrl) && applicationUrl.GetString() is { } list
            ? list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u)).ToList()
            : [];
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (chosen.Value.TryGetProperty("environmentVariables", out var variables) && variables.ValueKind == JsonValueKind.Object)
        {
            foreach (var variable in variables.EnumerateObject())
            {
                environment[variable.Name] = variable.Value.GetString() ?? string.Empty;
            }
        }

        return new LaunchProfile(chosen.Name, urls, environment);
    }
}
