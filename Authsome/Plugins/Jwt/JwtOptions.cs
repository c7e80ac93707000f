namespace Authsome.Plugins.Jwt;

/// <summary>The JWT plugin's settings (<c>Authsome:Jwt</c>), validated at start-up.</summary>
public sealed class JwtOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Authsome:Jwt";

    /// <summary>
    /// The issuer (<c>iss</c>) and the base of the discovery document, e.g. <c>https://auth.example.com/v1/auth</c>. When
    /// null, it is the URL of the engine's routes as the request reached them (scheme, host, path base, base path):
    /// set it behind a proxy or when several host names reach the engine.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>The audience (<c>aud</c>) of the access tokens. Default: the issuer.</summary>
    public string? Audience { get; set; }

    /// <summary>How long one key signs before the next takes over. Default 30 days.</summary>
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long before it starts signing a new key is published, so that resource servers that cache the JWKS know it
    /// by the time they see it (more than <see cref="JwksCacheMaxAge"/>). Default 1 day.
    /// </summary>
    public TimeSpan PublishAhead { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a retired key stays published, so the tokens it signed still validate (more than the longest access-token lifetime). Default 1 day.</summary>
    public TimeSpan RetainAfterRetirement { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The <c>Cache-Control: max-age</c> of the JWKS and discovery document. Default 1 hour.</summary>
    public TimeSpan JwksCacheMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Put the user's app-wide role slugs in a <c>roles</c> claim. Default false.</summary>
    public bool IncludeRoles { get; set; }

    /// <summary>
    /// The role (slug) whose holders may call <c>/introspect</c> with their session. Default <c>admin</c>.
    /// </summary>
    public string IntrospectionRole { get; set; } = "admin";
}
