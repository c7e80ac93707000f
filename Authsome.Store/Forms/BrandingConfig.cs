using System.Collections.Immutable;

namespace Authsome.Store;

/// <summary>How an organization's sign-in pages look; at most one per organization.</summary>
public sealed record BrandingConfig : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "abrd";

    public required Id<BrandingConfig> Id { get; init; }
    public required Id<Organization> OrgId { get; init; }
    public string? LogoUrl { get; init; }

    /// <summary>Named colours, e.g. primary to "#3366ff".</summary>
    public ImmutableDictionary<string, string> Colors { get; init; } = ImmutableDictionary<string, string>.Empty;
    public string? FontFamily { get; init; }
    public string? CustomCss { get; init; }
    public string? CompanyName { get; init; }
    public string? Tagline { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
