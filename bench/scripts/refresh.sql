-- POST /refresh as the PostgreSQL store runs it, for pgbench: the session by its refresh token hash
-- (RelationalSessionStore.GetByRefreshTokenHashAsync), its live user by id (RelationalUserStore.GetAsync), then the
-- compare-and-swap rotation (RelationalSessionStore.RotateAsync): one transaction recording the old refresh token
-- and replacing both token hashes. Same statements and columns; the new hashes are made in SQL here (the API makes
-- random tokens in process). Refresh tokens are single-use, so client c sends the tokens of sessions
-- first + c, first + c + clients, ... like refresh.lua. Variables: first, clients, prefix (the refresh token prefix),
-- k = 0 (a per-client counter: pgbench keeps a client's variables from one transaction to the next).
\set i :first + :client_id + :k * :clients
\set k :k + 1
SELECT id, app_id, env_id, user_id, org_id, family_id, token_hash, refresh_token_hash, ip_address, user_agent, device_id, impersonated_by, last_activity_at, expires_at, refresh_token_expires_at, created_at, updated_at FROM authsome_sessions WHERE refresh_token_hash = encode(sha256(convert_to(:prefix::text || lpad(:i::text, 43 - length(:prefix::text), '0'), 'UTF8')), 'hex') \gset s_
SELECT id, app_id, env_id, email, email_verified, name, first_name, last_name, image, username, display_username, phone, phone_verified, password_hash, password_changed_at, banned, ban_reason, ban_expires, metadata, created_at, updated_at, deleted_at FROM authsome_users WHERE id = :s_user_id AND deleted_at IS NULL;
BEGIN;
INSERT INTO authsome_revoked_refresh_tokens (token_hash, family_id, user_id, reason, revoked_at, expires_at, replayed_at) SELECT refresh_token_hash, family_id, user_id, 'rotated', now(), refresh_token_expires_at, NULL FROM authsome_sessions WHERE id = :s_id AND refresh_token_hash = :s_refresh_token_hash ON CONFLICT (token_hash) DO NOTHING;
UPDATE authsome_sessions SET app_id = :s_app_id, env_id = :s_env_id, org_id = NULL, token_hash = encode(sha256(convert_to('a' || :s_token_hash::text, 'UTF8')), 'hex'), refresh_token_hash = encode(sha256(convert_to('r' || :s_refresh_token_hash::text, 'UTF8')), 'hex'), ip_address = ip_address, user_agent = 'pgbench', device_id = NULL, impersonated_by = NULL, last_activity_at = now(), expires_at = now() + interval '15 minutes', refresh_token_expires_at = now() + interval '30 days', updated_at = now() WHERE id = :s_id AND refresh_token_hash = :s_refresh_token_hash;
COMMIT;
