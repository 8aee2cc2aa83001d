-- API keys of the API_CLIENT role: shown once, stored as SHA-256 of the whole key (a 240-bit random secret, so a
-- plain hash is enough; no password stretching needed), with a recognisable prefix for leak scanners.
CREATE TABLE api_key (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenant (id),
    name          text        NOT NULL CHECK (length(trim(name)) > 0),
    prefix        text        NOT NULL,
    key_hash      bytea       NOT NULL UNIQUE,
    scopes        text[]      NOT NULL,
    created_by    uuid,
    created_at    timestamptz NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);
CREATE INDEX api_key_tenant_idx ON api_key (tenant_id, created_at DESC);
SELECT flowhub_isolate_tenant('api_key');
