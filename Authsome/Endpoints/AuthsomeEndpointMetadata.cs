namespace Authsome.Endpoints;

/// <summary>Marks the engine's endpoints, so the engine's middleware acts on them and leaves the host's routes alone.</summary>
public sealed class AuthsomeEndpointMetadata
{
    internal static readonly AuthsomeEndpointMetadata Instance = new();

    private AuthsomeEndpointMetadata()
    {
    }
}
