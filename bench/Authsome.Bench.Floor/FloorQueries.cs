namespace Authsome.Bench.Floor;

/// <summary>The store's GET /me statement (RelationalSessionStore's session-and-user join), positional, with the ordinals the floor reads.</summary>
internal static class FloorQueries
{
    public const string SessionWithUser =
        "SELECT s.id, s.app_id, s.env_id, s.user_id, s.org_id, s.family_id, s.token_hash, s.refresh_token_hash, s.ip_address, " +
        "s.user_agent, s.device_id, s.impersonated_by, s.last_activity_at, s.expires_at, s.refresh_token_expires_at, s.created_at, " +
        "s.updated_at, u.id, u.app_id, u.env_id, u.email, u.email_verified, u.name, u.first_name, u.last_name, u.image, u.username, " +
        "u.display_username, u.phone, u.phone_verified, u.password_hash, u.password_changed_at, u.banned, u.ban_reason, u.ban_expires, " +
        "u.metadata, u.created_at, u.updated_at, u.deleted_at " +
        "FROM authsome_sessions s JOIN authsome_users u ON u.id = s.user_id AND u.deleted_at IS NULL WHERE s.token_hash = $1";

    public const int ExpiresAt = 13;
    public const int UserId = 17;
    public const int Email = 20;
    public const int EmailVerified = 21;
    public const int Name = 22;
    public const int CreatedAt = 36;
}
