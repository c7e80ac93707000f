namespace Authsome.Store;

/// <summary>The scope a setting applies to, from the widest to the narrowest.</summary>
public enum SettingScope
{
    Global,
    App,
    Organization,
    User,
}

/// <summary>
/// A configuration value (JSON) for a key at one scope. Unique per (key, scope, scope id); the global scope's
/// <see cref="ScopeId"/> is the empty string.
/// </summary>
public sealed record Setting : IHasIdPrefix
{
    /// <inheritdoc />
    public static string IdPrefix => "aset";

    public required Id<Setting> Id { get; init; }
    public required string Key { get; init; }
    public required SettingScope Scope { get; init; }

    /// <summary>The id (TypeID string) of the app, organization or user; empty for global.</summary>
    public required string ScopeId { get; init; }

    /// <summary>The value as JSON text.</summary>
    public required string Value { get; init; }
    public required DateTimeOffset CreatedAt { get; init => field = StoreTime.Normalize(value); }
    public required DateTimeOffset UpdatedAt { get; init => field = StoreTime.Normalize(value); }
}
