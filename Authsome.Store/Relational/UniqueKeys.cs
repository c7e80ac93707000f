namespace Authsome.Store.Relational;

/// <summary>A unique index whose violation means something more specific than <see cref="ConflictKind.Duplicate"/>.</summary>
/// <param name="Name">The index name, as PostgreSQL reports it.</param>
/// <param name="Table">The table, as SQLite reports it (with the columns) for a violated index.</param>
/// <param name="Columns">The indexed columns, in index order.</param>
/// <param name="Kind">What the violation means to callers.</param>
internal sealed record UniqueKey(string Name, string Table, string[] Columns, ConflictKind Kind);

/// <summary>
/// The unique indexes of the core schema that map to a specific <see cref="ConflictKind"/>; any other unique
/// violation (primary keys, token hashes, one-per-parent rows) is a <see cref="ConflictKind.Duplicate"/>. Both
/// dialects' DDL create these indexes under these names on these columns; the names never reach callers.
/// </summary>
internal static class UniqueKeys
{
    private static readonly UniqueKey[] All =
    [
        new("ux_authsome_apps_slug", "authsome_apps", ["slug"], ConflictKind.SlugTaken),
        new("ux_authsome_apps_publishable_key", "authsome_apps", ["publishable_key"], ConflictKind.PublishableKeyTaken),
        new("ux_authsome_environments_slug", "authsome_environments", ["app_id", "slug"], ConflictKind.SlugTaken),
        new("ux_authsome_environments_default", "authsome_environments", ["app_id"], ConflictKind.DefaultEnvironment),
        new("ux_authsome_users_email", "authsome_users", ["app_id", "env_id", "email"], ConflictKind.EmailTaken),
        new("ux_authsome_users_username", "authsome_users", ["app_id", "env_id", "username"], ConflictKind.UsernameTaken),
        new("ux_authsome_users_phone", "authsome_users", ["app_id", "env_id", "phone"], ConflictKind.PhoneTaken),
        new("ux_authsome_organizations_slug", "authsome_organizations", ["app_id", "slug"], ConflictKind.SlugTaken),
        new("ux_authsome_teams_slug", "authsome_teams", ["org_id", "slug"], ConflictKind.SlugTaken),
        new("ux_authsome_roles_slug", "authsome_roles", ["app_id", "slug"], ConflictKind.SlugTaken),
        new("ux_authsome_roles_org_slug", "authsome_roles", ["org_id", "slug"], ConflictKind.SlugTaken),
        new("ux_authsome_api_keys_prefix", "authsome_api_keys", ["app_id", "key_prefix"], ConflictKind.KeyPrefixTaken),
    ];

    /// <summary>The key with this index name, or null.</summary>
    public static UniqueKey? ByName(string? name) =>
        name is null ? null : Array.Find(All, k => string.Equals(k.Name, name, StringComparison.Ordinal));

    /// <summary>The key on exactly these columns of this table, or null.</summary>
    public static UniqueKey? ByColumns(string table, IReadOnlyList<string> columns) =>
        Array.Find(All, k => string.Equals(k.Table, table, StringComparison.Ordinal) && k.Columns.SequenceEqual(columns, StringComparer.Ordinal));
}
