namespace Authsome.Store;

/// <summary>
/// A named set of permissions within an app. A role inherits every permission of its parent, and of the
/// parent's parent, up to <see cref="RbacEvaluator.MaxDepth"/> levels. Its slug is unique within the app.
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
    public Id<Role>? ParentId { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
