using System.Collections.Frozen;

namespace Authsome.Store.Mongo;

/// <summary>
/// The names of the core schema's indexes. Index names are unique across the database (each starts with its
/// collection's name), so a duplicate-key error's index name alone tells which rule a write broke.
/// </summary>
internal static class MongoIndexes
{
    /// <summary>The index MongoDB keeps on every collection's <c>_id</c>.</summary>
    public const string Id = "_id_";
    public const string UsersEmail = "users_email_unique";
    public const string UsersUsername = "users_username_unique";
    public const string UsersPhone = "users_phone_unique";
    public const string AppsSlug = "apps_slug_unique";
    public const string AppsPublishableKey = "apps_publishable_key_unique";
    public const string AppsPlatform = "apps_platform_unique";
    public const string EnvironmentsSlug = "environments_slug_unique";
    public const string EnvironmentsDefault = "environments_default_unique";
    public const string OrganizationsSlug = "organizations_slug_unique";
    public const string TeamsSlug = "teams_slug_unique";
    public const string RolesSlug = "roles_slug_unique";
    public const string RolesOrgSlug = "roles_app_org_slug_unique";
    public const string ApiKeysPrefix = "api_keys_prefix_unique";

    /// <summary>Unique indexes whose violation has a specific kind; every other unique index (and <c>_id</c>) is <see cref="ConflictKind.Duplicate"/>.</summary>
    private static readonly FrozenDictionary<string, ConflictKind> Kinds = new Dictionary<string, ConflictKind>(StringComparer.Ordinal)
    {
        [UsersEmail] = ConflictKind.EmailTaken,
        [UsersUsername] = ConflictKind.UsernameTaken,
        [UsersPhone] = ConflictKind.PhoneTaken,
        [AppsSlug] = ConflictKind.SlugTaken,
        [AppsPublishableKey] = ConflictKind.PublishableKeyTaken,
        [EnvironmentsSlug] = ConflictKind.SlugTaken,
        [EnvironmentsDefault] = ConflictKind.DefaultEnvironment,
        [OrganizationsSlug] = ConflictKind.SlugTaken,
        [TeamsSlug] = ConflictKind.SlugTaken,
        [RolesSlug] = ConflictKind.SlugTaken,
        [RolesOrgSlug] = ConflictKind.SlugTaken,
        [ApiKeysPrefix] = ConflictKind.KeyPrefixTaken,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ConflictKind ConflictKindOf(string? indexName) =>
        indexName is not null && Kinds.TryGetValue(indexName, out var kind) ? kind : ConflictKind.Duplicate;
}
