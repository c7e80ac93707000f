namespace Authsome.Store.Mongo;

/// <summary>The field names of the stored documents (snake_case, as the JSON of the model). Ids are TypeID strings in <c>_id</c>.</summary>
internal static class Field
{
    public const string Id = "_id";
    public const string AppId = "app_id";
    public const string EnvId = "env_id";
    public const string UserId = "user_id";
    public const string OrgId = "org_id";
    public const string RoleId = "role_id";
    public const string FamilyId = "family_id";
    public const string DeviceId = "device_id";
    public const string ServiceAccountId = "service_account_id";
    public const string ParentId = "parent_id";
    public const string InviterId = "inviter_id";
    public const string ImpersonatedBy = "impersonated_by";
    public const string CreatedBy = "created_by";

    /// <summary>Counts owner changes on an organization's document; writing it serialises them (see <c>MongoMemberStore</c>).</summary>
    public const string OwnerChanges = "owner_changes";

    public const string Email = "email";
    public const string EmailVerified = "email_verified";
    public const string Name = "name";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Image = "image";
    public const string Username = "username";
    public const string DisplayUsername = "display_username";
    public const string Phone = "phone";
    public const string PhoneVerified = "phone_verified";
    public const string PasswordHash = "password_hash";
    public const string PasswordChangedAt = "password_changed_at";
    public const string Banned = "banned";
    public const string BanReason = "ban_reason";
    public const string BanExpires = "ban_expires";
    public const string Metadata = "metadata";
    public const string DeletedAt = "deleted_at";

    public const string TokenHash = "token_hash";
    public const string RefreshTokenHash = "refresh_token_hash";
    public const string CodeHash = "code_hash";
    public const string KeyHash = "key_hash";
    public const string IpAddress = "ip_address";
    public const string UserAgent = "user_agent";
    public const string LastActivityAt = "last_activity_at";
    public const string ExpiresAt = "expires_at";
    public const string Hits = "hits";
    public const string WindowEndsAt = "window_ends_at";
    public const string RefreshTokenExpiresAt = "refresh_token_expires_at";
    public const string Reason = "reason";
    public const string RevokedAt = "revoked_at";
    public const string ReplayedAt = "replayed_at";

    public const string Type = "type";
    public const string Target = "target";
    public const string Attempts = "attempts";
    public const string ConsumedAt = "consumed_at";

    public const string Slug = "slug";
    public const string Logo = "logo";
    public const string PublishableKey = "publishable_key";
    public const string IsPlatform = "is_platform";
    public const string IsDefault = "is_default";
    public const string Settings = "settings";

    public const string Role = "role";
    public const string Status = "status";

    public const string Browser = "browser";
    public const string Os = "os";
    public const string Fingerprint = "fingerprint";
    public const string Trusted = "trusted";
    public const string TrustedAt = "trusted_at";
    public const string LastSeenAt = "last_seen_at";

    public const string Url = "url";
    public const string Events = "events";
    public const string Secret = "secret";
    public const string Active = "active";

    public const string Channel = "channel";
    public const string Recipient = "recipient";
    public const string Subject = "subject";
    public const string Body = "body";
    public const string Sent = "sent";
    public const string SentAt = "sent_at";

    public const string KeyPrefix = "key_prefix";
    public const string PublicKey = "public_key";
    public const string Scopes = "scopes";
    public const string LastUsedAt = "last_used_at";
    public const string Revoked = "revoked";

    public const string FormType = "form_type";
    public const string Fields = "fields";
    public const string Version = "version";
    public const string Key = "key";
    public const string Label = "label";
    public const string Validation = "validation";
    public const string Order = "order";
    public const string Required = "required";
    public const string MinLength = "min_length";
    public const string MaxLength = "max_length";
    public const string Pattern = "pattern";
    public const string Min = "min";
    public const string Max = "max";

    public const string LogoUrl = "logo_url";
    public const string Colors = "colors";
    public const string FontFamily = "font_family";
    public const string CustomCss = "custom_css";
    public const string CompanyName = "company_name";
    public const string Tagline = "tagline";

    public const string TokenTtl = "token_ttl";
    public const string RefreshTokenTtl = "refresh_token_ttl";
    public const string AbsoluteLifetime = "absolute_lifetime";
    public const string IdleTimeout = "idle_timeout";
    public const string MaxActiveSessions = "max_active_sessions";
    public const string RotateRefreshToken = "rotate_refresh_token";
    public const string BindToIp = "bind_to_ip";
    public const string BindToDevice = "bind_to_device";
    public const string TokenFormat = "token_format";

    public const string SignUpEnabled = "sign_up_enabled";
    public const string PasswordEnabled = "password_enabled";
    public const string PasskeyEnabled = "passkey_enabled";
    public const string MagicLinkEnabled = "magic_link_enabled";
    public const string MfaEnabled = "mfa_enabled";
    public const string MfaRequired = "mfa_required";
    public const string SsoEnabled = "sso_enabled";
    public const string SocialProviders = "social_providers";
    public const string RequireEmailVerification = "require_email_verification";

    public const string Scope = "scope";
    public const string ScopeId = "scope_id";
    public const string Value = "value";

    public const string Description = "description";
    public const string Disabled = "disabled";

    public const string Action = "action";
    public const string Resource = "resource";

    public const string WebhookId = "webhook_id";
    public const string EventId = "event_id";
    public const string EventType = "event_type";
    public const string Payload = "payload";
    public const string NextAttemptAt = "next_attempt_at";
    public const string LeaseUntil = "lease_until";
    public const string LastAttemptAt = "last_attempt_at";
    public const string ResponseStatus = "response_status";
    public const string LatencyMs = "latency_ms";
    public const string ResponseBody = "response_body";
    public const string Error = "error";
    public const string FailedAt = "failed_at";
    public const string FailingSince = "failing_since";

    public const string CreatedAt = "created_at";
    public const string UpdatedAt = "updated_at";
}
