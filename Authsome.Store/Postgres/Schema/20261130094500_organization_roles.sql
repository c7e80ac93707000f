-- An organization's custom roles are scoped by org_id instead of a '{org id}:{slug}' slug, so their slugs are unique
-- per organization and they go with it (ON DELETE CASCADE, which takes their permissions and assignments too).
ALTER TABLE authsome_roles ADD COLUMN org_id TEXT COLLATE "C" REFERENCES authsome_organizations (id) ON DELETE CASCADE;

-- Roles stored the old way: the organization id and the slug come apart at the first ':'. Those whose organization
-- is gone were left behind by an interrupted delete: nobody can reach them, so they go.
DELETE FROM authsome_roles r
WHERE r.slug LIKE 'aorg\_%:%'
  AND NOT EXISTS (SELECT 1 FROM authsome_organizations o WHERE o.id = split_part(r.slug, ':', 1));
UPDATE authsome_roles
SET org_id = split_part(slug, ':', 1),
    slug = substr(slug, strpos(slug, ':') + 1)
WHERE slug LIKE 'aorg\_%:%';

DROP INDEX ux_authsome_roles_slug;
CREATE UNIQUE INDEX ux_authsome_roles_slug ON authsome_roles (app_id, slug) WHERE org_id IS NULL;
CREATE UNIQUE INDEX ux_authsome_roles_org_slug ON authsome_roles (org_id, slug) WHERE org_id IS NOT NULL;
