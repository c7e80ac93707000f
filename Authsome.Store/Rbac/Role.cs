namespace Authsome.Store;

/// <summary>
/// A named set of permissions within an app. A role inherits every permission of its parent, and of the
/// parent's parent, up to <see cref="RbacEvaluator.MaxDepth"/> levels. An app-wide role (no <see cref="OrgId"/>) has a
/// slug unique among the app's app-wide roles; an organization's custom role has a slug unique within that organization,
/// and goes when the organization is deleted.
/// </summary>
public sealed record Role : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "arol";

    public required Id<Role> Id { get; init; }
    public required Id<App> AppId { get; init; }
    public required string Name { get; init; }
    public required string Slug { get; init; }
    public string? Description { get; init; }

    /// <summary>The organization whose custom role this is; null for an app-wide role.</summary>
    public Id<Organization>? OrgId { get; init; }
    public Id<Role>? ParentId { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
