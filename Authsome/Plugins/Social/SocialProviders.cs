using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Social;

/// <summary>The configured providers, built once each (an OpenID Connect provider caches its discovery document and keys).</summary>
internal sealed class SocialProviders(IOptions<SocialOptions> options, IHttpClientFactory httpClients, TimeProvider time)
{
    /// <summary>The name of the HttpClient the plugin calls providers with.</summary>
    public const string HttpClientName = "Authsome.Social";

    private readonly ConcurrentDictionary<string, ISocialProvider> built = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => options.Value.Providers.Keys;

    public ISocialProvider? Get(string name) =>
        options.Value.Providers.TryGetValue(name, out var settings) && ResolvedProvider.Resolve(name, settings, out _) is { } resolved
            ? built.GetOrAdd(name, _ => resolved.Kind == SocialProviderKind.GitHub
                ? new GitHubSocialProvider(resolved, httpClients.CreateClient(HttpClientName))
                : new OidcSocialProvider(resolved, httpClients.CreateClient(HttpClientName), time))
            : null;
}
