namespace Authsome.Plugins.Federation;

/// <summary>
/// Checks a client-named <c>redirect_uri</c> against an allow-list: an absolute http(s) URI equal, character for
/// character, to one listed. No prefix or wildcard matching, which is how open redirects creep in.
/// </summary>
internal static class RedirectUris
{
    public static bool IsAllowed(IEnumerable<string> allowed, string? candidate) =>
        candidate is not null
        && Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.UserInfo)
        && allowed.Contains(candidate, StringComparer.Ordinal);
}
