-- When a device was marked trusted: the MFA plugin lets sign-ins from it skip the second factor for a while after.
ALTER TABLE authsome_devices ADD COLUMN trusted_at INTEGER;
