namespace Authsome.Hosting;

/// <summary>Records that <c>UseAuthsome()</c> ran, so <c>MapAuthsome()</c> can refuse to map routes that would lack their error handling and rate limits.</summary>
internal sealed class AuthsomeMiddlewareMarker
{
    public bool Added { get; set; }
}
