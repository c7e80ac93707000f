namespace Authsome.Plugins.Social;

/// <summary>The social plugin's settings (<c>Authsome:Social</c>), validated at start-up.</summary>
public sealed class SocialOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Authsome:Social";

    /// <summary>The providers by the name used in routes (<c>/social/{name}</c>), e.g. <c>google</c>.</summary>
    public IDictionary<string, SocialProviderOptions> Providers { get; } = new Dictionary<string, SocialProviderOptions>(StringComparer.Ordinal);

    /// <summary>The client <c>redirect_uri</c>s allowed, compared exactly. A flow naming any other is refused before it starts.</summary>
    public IList<string> AllowedRedirectUris { get; } = [];

    /// <summary>
    /// The public base URL of the engine's routes (e.g. <c>https://auth.example.com/v1/auth</c>), from which the callback URL
    /// given to providers is made. When null, the URL the request reached is used: set it behind a proxy.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long the user may take at the provider. Default 10 minutes.</summary>
    public TimeSpan StateTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the one-time code sent to the <c>redirect_uri</c> works. Default 1 minute.</summary>
    public TimeSpan ExchangeCodeTtl { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a call to a provider (discovery, keys, token, user info) may take. Default 30 seconds.</summary>
    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Keep the provider's access and refresh tokens (encrypted) on the linked account, for calling the provider's APIs later. Default false.</summary>
    public bool KeepProviderTokens { get; set; }
}

/// <summary>The protocol a provider speaks.</summary>
public enum SocialProviderKind
{
    /// <summary>OpenID Connect: discovery document, ID token.</summary>
    OpenIdConnect,

    /// <summary>GitHub's OAuth 2.0 with its user and email endpoints.</summary>
    GitHub,
}

/// <summary>One identity provider (<c>Authsome:Social:Providers:{name}</c>).</summary>
public sealed class SocialProviderOptions
{
    /// <summary>
    /// A preset that fills in the rest: <c>google</c>, <c>microsoft</c>, <c>apple</c> (OpenID Connect) or <c>github</c>
    /// (OAuth 2.0). Without one, the provider is OpenID Connect at <see cref="Authority"/>.
    /// </summary>
    public string? Preset { get; set; }

    /// <summary>The protocol; set by the preset, else OpenID Connect.</summary>
    public SocialProviderKind? Kind { get; set; }

    /// <summary>The OpenID Connect issuer; its discovery document is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>For the <c>microsoft</c> preset: the tenant (<c>common</c>, <c>organizations</c>, <c>consumers</c> or a tenant id). Default <c>common</c>.</summary>
    public string? Tenant { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret (for <c>apple</c>: the client-secret JWT generated from your key).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes asked for; the preset's (or <c>openid email profile</c>) when empty.</summary>
    public IList<string> Scopes { get; } = [];

    /// <summary>Refuse a discovery document or keys fetched over plain HTTP. Default true; only tests should turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The name shown to users. Default: the provider's name.</summary>
    public string? DisplayName { get; set; }
}
