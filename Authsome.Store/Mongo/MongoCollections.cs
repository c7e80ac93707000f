namespace Authsome.Store.Mongo;

/// <summary>The collections of the core schema: one per sub-store, plus the migration history and its lock.</summary>
internal static class MongoCollections
{
    public const string Users = "authsome_users";
    public const string Sessions = "authsome_sessions";
    public const string RevokedRefreshTokens = "authsome_revoked_refresh_tokens";
    public const string Verifications = "authsome_verifications";
    public const string PasswordResets = "authsome_password_resets";
    public const string Apps = "authsome_apps";
    public const string Environments = "authsome_environments";
    public const string Organizations = "authsome_organizations";
    public const string Members = "authsome_members";
    public const string Invitations = "authsome_invitations";
    public const string Teams = "authsome_teams";
    public const string Devices = "authsome_devices";
    public const string Webhooks = "authsome_webhooks";
    public const string WebhookDeliveries = "authsome_webhook_deliveries";
    public const string Notifications = "authsome_notifications";
    public const string ApiKeys = "authsome_api_keys";
    public const string FormConfigs = "authsome_form_configs";
    public const string BrandingConfigs = "authsome_branding_configs";
    public const string AppSessionConfigs = "authsome_app_session_configs";
    public const string AppClientConfigs = "authsome_app_client_configs";
    public const string Settings = "authsome_settings";
    public const string ServiceAccounts = "authsome_service_accounts";
    public const string ServiceAccountRoles = "authsome_service_account_roles";
    public const string Roles = "authsome_roles";
    public const string Permissions = "authsome_permissions";
    public const string RoleAssignments = "authsome_role_assignments";
    public const string Counters = "authsome_counters";
    public const string Migrations = "authsome_migrations";
    public const string MigrationLock = "authsome_migration_lock";
}
