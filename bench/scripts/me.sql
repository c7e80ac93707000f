-- GET /me as the PostgreSQL store ran it before the join (me-join.sql is what it runs now), for pgbench: the session
-- by its token hash, then its live user by id, two round trips with the same statements and columns; kept to show
-- what the second round trip cost. The API hashes the token in process; here SQL does (sha256 of 43 bytes, about a
-- microsecond). Variables: users (sessions to pick from), prefix (the token prefix).
\set i random(1, :users)
SELECT id, app_id, env_id, user_id, org_id, family_id, token_hash, refresh_token_hash, ip_address, user_agent, device_id, impersonated_by, last_activity_at, expires_at, refresh_token_expires_at, created_at, updated_at FROM authsome_sessions WHERE token_hash = encode(sha256(convert_to(:prefix::text || lpad(:i::text, 43 - length(:prefix::text), '0'), 'UTF8')), 'hex') \gset s_
SELECT id, app_id, env_id, email, email_verified, name, first_name, last_name, image, username, display_username, phone, phone_verified, password_hash, password_changed_at, banned, ban_reason, ban_expires, metadata, created_at, updated_at, deleted_at FROM authsome_users WHERE id = :s_user_id AND deleted_at IS NULL;
