using System.Collections.Immutable;
using Authsome.Errors;
using Authsome.Organizations;
using Authsome.Store;

namespace Authsome.Branding;

/// <summary>
/// An organization's branding (the store's <see cref="BrandingConfig"/>), for the JSON routes and the branding page
/// alike: the caller's right to change it is checked by whoever opened <see cref="OrganizationContext"/>; the values
/// are held to the shapes of <see cref="BrandingRules"/>, and a refused write stores nothing.
/// </summary>
internal sealed class OrganizationBrandings(IAuthsomeStore store, TimeProvider time)
{
    public ValueTask<BrandingConfig?> GetAsync(OrganizationContext org, CancellationToken cancellationToken) =>
        store.Branding.GetAsync(org.OrgId, cancellationToken);

    /// <summary>Replaces the branding; throws a validation problem naming each refused value (<c>colors.primary</c>).</summary>
    public async ValueTask<BrandingConfig> SaveAsync(OrganizationContext org, BrandingValues values, CancellationToken cancellationToken)
    {
        if (values.Problems() is { Count: > 0 } problems)
        {
            throw AuthsomeException.Validation(problems);
        }

        var now = time.GetStoreNow();
        return await store.Branding.SaveAsync(new BrandingConfig
        {
            Id = Id<BrandingConfig>.New(now),
            OrgId = org.OrgId,
            CompanyName = values.CompanyName,
            Tagline = values.Tagline,
            LogoUrl = values.LogoUrl,
            FontFamily = values.FontFamily,
            Colors = values.Colors?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, string>.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        }, cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(OrganizationContext org, CancellationToken cancellationToken) =>
        store.Branding.DeleteAsync(org.OrgId, cancellationToken);
}
