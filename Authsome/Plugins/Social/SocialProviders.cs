using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Social;

/// <summary>
/// The configured providers, built once each (an OpenID Connect provider caches its discovery document and keys). They
/// share one HttpClient of their own rather than the host's defaults: a retry policy must never resend a single-use
/// authorization code.
/// </summary>
internal sealed class SocialProviders(IOptions<SocialOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, ISocialProvider> _built = new(StringComparer.Ordinal);

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
    {
        Timeout = options.Value.ProviderTimeout,
    };

    public ISocialProvider? Get(string name) =>
        options.Value.Providers.TryGetValue(name, out var settings) && ResolvedProvider.Resolve(name, settings, out _) is { } resolved
            ? _built.GetOrAdd(name, _ => resolved.Kind == SocialProviderKind.GitHub
                ? new GitHubSocialProvider(resolved, _http)
                : new OidcSocialProvider(resolved, _http, time))
            : null;

    public void Dispose() => _http.Dispose();
}
