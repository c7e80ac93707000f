namespace Authsome.Plugins.Social;

/// <summary>A provider's settings with its preset applied.</summary>
internal sealed record ResolvedProvider(
    string Name,
    SocialProviderKind Kind,
    string? Authority,
    string ClientId,
    string? ClientSecret,
    IReadOnlyList<string> Scopes,
    bool RequireHttpsMetadata,
    bool FormPost,
    string DisplayName)
{
    private static readonly string[] OidcScopes = ["openid", "email", "profile"];

    /// <summary>Applies the preset; returns null with a reason when the settings cannot work.</summary>
    public static ResolvedProvider? Resolve(string name, SocialProviderOptions o, out string? problem)
    {
        var preset = o.Preset?.ToLowerInvariant();
        (SocialProviderKind Kind, string? Authority, string[] Scopes, bool FormPost)? defaults = preset switch
        {
            null => (SocialProviderKind.OpenIdConnect, null, OidcScopes, false),
            "google" => (SocialProviderKind.OpenIdConnect, "https://accounts.google.com", OidcScopes, false),
            "microsoft" => (SocialProviderKind.OpenIdConnect, $"https://login.microsoftonline.com/{o.Tenant ?? "common"}/v2.0", OidcScopes, false),
            // Apple posts the answer back (form_post) whenever a name or email is asked for.
            "apple" => (SocialProviderKind.OpenIdConnect, "https://appleid.apple.com", ["openid", "email", "name"], true),
            "github" => (SocialProviderKind.GitHub, null, ["read:user", "user:email"], false),
            _ => null,
        };
        var path = $"{SocialOptions.SectionName}:Providers:{name}";
        problem = defaults is null ? $"{path}:Preset must be google, microsoft, apple or github."
            : string.IsNullOrWhiteSpace(o.ClientId) ? $"{path}:ClientId is required."
            : (o.Kind ?? defaults.Value.Kind) == SocialProviderKind.OpenIdConnect && !Uri.TryCreate(o.Authority ?? defaults.Value.Authority, UriKind.Absolute, out _)
                ? $"{path}:Authority must be the provider's issuer URL."
            : null;
        if (problem is not null)
        {
            return null;
        }

        return new ResolvedProvider(
            name,
            o.Kind ?? defaults!.Value.Kind,
            o.Authority ?? defaults!.Value.Authority,
            o.ClientId!,
            o.ClientSecret,
            o.Scopes.Count > 0 ? [.. o.Scopes] : defaults!.Value.Scopes,
            o.RequireHttpsMetadata,
            defaults!.Value.FormPost,
            o.DisplayName ?? name);
    }
}
