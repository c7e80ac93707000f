using Authsome.Store.Migrations;
using static Authsome.Store.Mongo.MongoMigrationStep;

namespace Authsome.Store.Mongo;

/// <summary>
/// The core group (<c>authsome</c>) for MongoDB: every collection of the core schema with its indexes. Applied
/// migrations are never edited (their checksum is recorded); later changes are new migrations appended here.
/// </summary>
internal static class MongoCoreMigrations
{
    /// <summary>Only live users are indexed: <c>deleted_at</c> is written as null until the user is deleted.</summary>
    private const string LiveUser = """{ "deleted_at": { "$type": "null" } }""";

    public static MigrationGroup Group { get; } = new(MigrationGroup.CoreName, [], [InitialSchema(), Outboxes(), OrganizationRoles(), ServiceAccountRoles()]);

    private static Migration InitialSchema() => new(20260101000000, "initial_schema", new MongoMigrationScript(
    [
        .. Collection(MongoCollections.Apps,
            new MongoIndex(MongoIndexes.AppsSlug, Field.Slug) { Unique = true },
            new MongoIndex(MongoIndexes.AppsPublishableKey, Field.PublishableKey) { Unique = true },
            new MongoIndex(MongoIndexes.AppsPlatform, Field.IsPlatform) { Unique = true, PartialFilter = """{ "is_platform": true }""" }),
        .. Collection(MongoCollections.Environments,
            new MongoIndex(MongoIndexes.EnvironmentsSlug, Field.AppId, Field.Slug) { Unique = true },
            new MongoIndex(MongoIndexes.EnvironmentsDefault, Field.AppId) { Unique = true, PartialFilter = """{ "is_default": true }""" }),
        .. Collection(MongoCollections.Users,
            new MongoIndex(MongoIndexes.UsersEmail, Field.AppId, Field.EnvId, Field.Email) { Unique = true, PartialFilter = LiveUser },
            new MongoIndex(MongoIndexes.UsersUsername, Field.AppId, Field.EnvId, Field.Username)
            {
                Unique = true,
                PartialFilter = """{ "deleted_at": { "$type": "null" }, "username": { "$type": "string" } }""",
            },
            new MongoIndex(MongoIndexes.UsersPhone, Field.AppId, Field.EnvId, Field.Phone)
            {
                Unique = true,
                PartialFilter = """{ "deleted_at": { "$type": "null" }, "phone": { "$type": "string" } }""",
            },
            new MongoIndex("users_app", Field.AppId, Field.Id)),
        .. Collection(MongoCollections.Sessions,
            new MongoIndex("sessions_token_hash_unique", Field.TokenHash) { Unique = true },
            new MongoIndex("sessions_refresh_token_hash_unique", Field.RefreshTokenHash) { Unique = true },
            new MongoIndex("sessions_user", Field.UserId, Field.Id),
            new MongoIndex("sessions_family", Field.FamilyId),
            new MongoIndex("sessions_app", Field.AppId, Field.Id),
            // A session is gone once its refresh token expires (the access token expiring only means "refresh now").
            new MongoIndex("sessions_refresh_expiry_ttl", Field.RefreshTokenExpiresAt) { ExpireAfter = TimeSpan.Zero }),
        .. Collection(MongoCollections.RevokedRefreshTokens,
            new MongoIndex("revoked_refresh_tokens_family", Field.FamilyId),
            new MongoIndex("revoked_refresh_tokens_app", Field.AppId),
            new MongoIndex("revoked_refresh_tokens_expiry_ttl", Field.ExpiresAt) { ExpireAfter = TimeSpan.Zero }),
        .. Collection(MongoCollections.Verifications,
            new MongoIndex("verifications_token_hash_unique", Field.TokenHash) { Unique = true },
            new MongoIndex("verifications_user_type", Field.UserId, Field.Type, Field.Id),
            new MongoIndex("verifications_app", Field.AppId),
            new MongoIndex("verifications_expiry", Field.ExpiresAt)),
        .. Collection(MongoCollections.PasswordResets,
            new MongoIndex("password_resets_token_hash_unique", Field.TokenHash) { Unique = true },
            new MongoIndex("password_resets_user", Field.UserId),
            new MongoIndex("password_resets_app", Field.AppId),
            new MongoIndex("password_resets_expiry", Field.ExpiresAt)),
        .. Collection(MongoCollections.Organizations,
            new MongoIndex(MongoIndexes.OrganizationsSlug, Field.AppId, Field.Slug) { Unique = true },
            new MongoIndex("organizations_app", Field.AppId, Field.Id)),
        .. Collection(MongoCollections.Members,
            new MongoIndex("members_org_user_unique", Field.OrgId, Field.UserId) { Unique = true },
            new MongoIndex("members_user", Field.UserId)),
        .. Collection(MongoCollections.Invitations,
            new MongoIndex("invitations_token_hash_unique", Field.TokenHash) { Unique = true },
            new MongoIndex("invitations_org", Field.OrgId, Field.Id),
            new MongoIndex("invitations_status_expiry", Field.Status, Field.ExpiresAt)),
        .. Collection(MongoCollections.Teams,
            new MongoIndex(MongoIndexes.TeamsSlug, Field.OrgId, Field.Slug) { Unique = true }),
        .. Collection(MongoCollections.BrandingConfigs,
            new MongoIndex("branding_configs_org_unique", Field.OrgId) { Unique = true }),
        .. Collection(MongoCollections.Devices,
            new MongoIndex("devices_user_fingerprint_unique", Field.UserId, Field.Fingerprint) { Unique = true },
            new MongoIndex("devices_app", Field.AppId, Field.Id)),
        .. Collection(MongoCollections.Webhooks,
            new MongoIndex("webhooks_app", Field.AppId, Field.Id)),
        .. Collection(MongoCollections.Notifications,
            new MongoIndex("notifications_user", Field.UserId, Field.Id),
            new MongoIndex("notifications_app", Field.AppId)),
        .. Collection(MongoCollections.ApiKeys,
            new MongoIndex(MongoIndexes.ApiKeysPrefix, Field.AppId, Field.KeyPrefix) { Unique = true },
            new MongoIndex("api_keys_key_hash_unique", Field.KeyHash) { Unique = true },
            new MongoIndex("api_keys_public_key_unique", Field.PublicKey) { Unique = true, PartialFilter = """{ "public_key": { "$type": "string" } }""" },
            new MongoIndex("api_keys_user", Field.UserId, Field.Id)),
        .. Collection(MongoCollections.FormConfigs,
            new MongoIndex("form_configs_type_unique", Field.AppId, Field.FormType) { Unique = true }),
        .. Collection(MongoCollections.AppSessionConfigs,
            new MongoIndex("app_session_configs_app_unique", Field.AppId) { Unique = true }),
        .. Collection(MongoCollections.AppClientConfigs,
            new MongoIndex("app_client_configs_app_unique", Field.AppId) { Unique = true }),
        .. Collection(MongoCollections.Settings,
            new MongoIndex("settings_key_scope_unique", Field.Key, Field.Scope, Field.ScopeId) { Unique = true },
            new MongoIndex("settings_scope", Field.Scope, Field.ScopeId)),
        .. Collection(MongoCollections.ServiceAccounts,
            new MongoIndex("service_accounts_app", Field.AppId, Field.Id)),
        .. Collection(MongoCollections.Roles,
            new MongoIndex(MongoIndexes.RolesSlug, Field.AppId, Field.Slug) { Unique = true },
            new MongoIndex("roles_parent", Field.ParentId)),
        .. Collection(MongoCollections.Permissions,
            new MongoIndex("permissions_role_action_resource_unique", Field.RoleId, Field.Action, Field.Resource) { Unique = true }),
        .. Collection(MongoCollections.RoleAssignments,
            new MongoIndex("role_assignments_user_role_org_unique", Field.UserId, Field.RoleId, Field.OrgId) { Unique = true },
            new MongoIndex("role_assignments_role", Field.RoleId),
            new MongoIndex("role_assignments_org", Field.OrgId)),
    ]));

    /// <summary>Webhook deliveries (claimed by due time while pending) and the mail outbox's due and per-account indexes.</summary>
    private static Migration Outboxes() => new(20261130000013, "outboxes", new MongoMigrationScript(
    [
        .. Collection(MongoCollections.WebhookDeliveries,
            new MongoIndex("webhook_deliveries_webhook", Field.WebhookId, Field.Id),
            new MongoIndex("webhook_deliveries_app", Field.AppId),
            new MongoIndex("webhook_deliveries_due", Field.NextAttemptAt) { PartialFilter = """{ "status": "pending" }""" }),
        CreateIndex(MongoCollections.Notifications, new MongoIndex("notifications_due", Field.Id) { PartialFilter = """{ "sent": false }""" }),
        CreateIndex(MongoCollections.Notifications, new MongoIndex("notifications_user_type", Field.UserId, Field.Type, Field.CreatedAt)),
    ]));

    /// <summary>
    /// An organization's custom roles were app roles with the slug <c>{org id}:{slug}</c>; they get an <c>org_id</c> (null
    /// for app-wide roles) and their own slug, unique per app and organization. Each step is safe to run again.
    /// </summary>
    private static Migration OrganizationRoles() => new(20261130094500, "organization_roles", new MongoMigrationScript(
        DropIndex(MongoCollections.Roles, MongoIndexes.RolesSlug),
        RunCommand("""
            { "update": "authsome_roles", "updates": [ { "q": { "org_id": { "$exists": false } }, "u": { "$set": { "org_id": null } }, "multi": true } ] }
            """),
        RunCommand("""
            { "update": "authsome_roles", "updates": [ {
                "q": { "slug": { "$regex": "^aorg_[^:]*:" } },
                "u": [ { "$set": {
                    "org_id": { "$arrayElemAt": [ { "$split": [ "$slug", ":" ] }, 0 ] },
                    "slug": { "$arrayElemAt": [ { "$split": [ "$slug", ":" ] }, 1 ] } } } ],
                "multi": true } ] }
            """),
        CreateIndex(MongoCollections.Roles, new MongoIndex(MongoIndexes.RolesOrgSlug, Field.AppId, Field.OrgId, Field.Slug) { Unique = true }),
        CreateIndex(MongoCollections.Roles, new MongoIndex("roles_org", Field.OrgId, Field.Id))));

    /// <summary>Roles held by service accounts (the document id is the account and role ids, so a pair is stored once).</summary>
    private static Migration ServiceAccountRoles() => new(20261130140000, "service_account_roles", new MongoMigrationScript(
    [
        .. Collection(MongoCollections.ServiceAccountRoles,
            new MongoIndex("service_account_roles_account", Field.ServiceAccountId, Field.CreatedAt),
            new MongoIndex("service_account_roles_role", Field.RoleId),
            new MongoIndex("service_account_roles_app", Field.AppId)),
    ]));

    private static IEnumerable<MongoMigrationStep> Collection(string name, params MongoIndex[] indexes) =>
        [CreateCollection(name), .. indexes.Select(index => CreateIndex(name, index))];
}
