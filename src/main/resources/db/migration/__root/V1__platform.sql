-- Runs as the owner of the schema; the application connects as ${app_role}, which owns nothing, so the
-- row-level-security policies below apply to it.

GRANT USAGE ON SCHEMA public TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

-- The tenant a transaction acts for (set by the transaction manager), or NULL.
CREATE FUNCTION flowhub_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- True only inside the audited cross-tenant path.
CREATE FUNCTION flowhub_cross_tenant() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(current_setting('app.cross_tenant', true), '') = 'on' $$;

-- Puts a tenant-owned table (one with tenant_id) under row-level security: enabled, forced (the owner too), and
-- visible only to its tenant's transactions or the audited cross-tenant path. Every module's migrations call
-- it for each table they create with tenant_id; a test checks from pg_class that none was forgotten.
CREATE FUNCTION flowhub_isolate_tenant(target regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s '
                   'USING (tenant_id = flowhub_current_tenant() OR flowhub_cross_tenant()) '
                   'WITH CHECK (tenant_id = flowhub_current_tenant() OR flowhub_cross_tenant())', target);
END $$;

-- Every use of the cross-tenant path leaves a row here.
CREATE TABLE cross_tenant_access (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    purpose     text        NOT NULL,
    actor       text        NOT NULL
);
REVOKE UPDATE, DELETE ON cross_tenant_access FROM ${app_role};

-- Spring Modulith's event publication registry (schema v2 for PostgreSQL).
CREATE TABLE event_publication (
    id                     uuid                     NOT NULL PRIMARY KEY,
    listener_id            text                     NOT NULL,
    event_type             text                     NOT NULL,
    serialized_event       text                     NOT NULL,
    publication_date       timestamp with time zone NOT NULL,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
