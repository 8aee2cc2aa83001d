-- Tenants, teams, users, refresh tokens and the JWT signing keys.
-- Tenant-owned tables carry tenant_id and a row-level-security policy; FORCE makes it apply to the owner too.

CREATE TABLE tenant (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(trim(name)) > 0),
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    timezone    text        NOT NULL,
    locale      text        NOT NULL DEFAULT 'en',
    status      text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    settings    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    platform    boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant
    USING (id = flowhub_current_tenant() OR flowhub_cross_tenant())
    WITH CHECK (id = flowhub_current_tenant() OR flowhub_cross_tenant());

CREATE TABLE team (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    name        text        NOT NULL CHECK (length(trim(name)) > 0),
    created_at  timestamptz NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE app_user (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenant (id),
    email          text        NOT NULL,
    name           text        NOT NULL CHECK (length(trim(name)) > 0),
    phone          text,
    password_hash  text,
    roles          text[]      NOT NULL CHECK (cardinality(roles) > 0),
    team_id        uuid        REFERENCES team (id),
    active         boolean     NOT NULL DEFAULT true,
    last_login_at  timestamptz,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
-- e-mail is the login name, unique across the platform
CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));
CREATE INDEX app_user_tenant_idx ON app_user (tenant_id);
CREATE INDEX app_user_phone_idx ON app_user (tenant_id, phone);

CREATE TABLE refresh_token (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenant (id),
    user_id     uuid        NOT NULL REFERENCES app_user (id),
    family_id   uuid        NOT NULL,
    token_hash  bytea       NOT NULL UNIQUE,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);

SELECT flowhub_isolate_tenant('team');
SELECT flowhub_isolate_tenant('app_user');
SELECT flowhub_isolate_tenant('refresh_token');

-- Platform-wide: the key pairs that sign our access tokens. Private keys are sealed under the master key.
CREATE TABLE signing_key (
    kid          text        PRIMARY KEY,
    public_jwk   text        NOT NULL,
    private_key  bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    retired_at   timestamptz
);
