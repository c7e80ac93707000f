using Authsome.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Authsome.Plugins.Jwt;

/// <summary>The issuer and audience of the access tokens: configured, or the engine's URL as the current request reached it.</summary>
internal sealed class JwtIssuer(IOptionsMonitor<JwtOptions> options, IHttpContextAccessor http)
{
    public string Issuer
    {
        get
        {
            if (options.CurrentValue.Issuer is { Length: > 0 } configured)
            {
                return configured.TrimEnd('/');
            }

            return http.HttpContext?.EngineBaseUrl()
                ?? throw new InvalidOperationException($"Outside a request the JWT issuer cannot be derived: set {JwtOptions.SectionName}:Issuer.");
        }
    }

    public string Audience => options.CurrentValue.Audience is { Length: > 0 } audience ? audience : Issuer;
}
