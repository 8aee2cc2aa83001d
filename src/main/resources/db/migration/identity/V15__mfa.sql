-- TOTP second factor per user: the secret sealed under the master key, recovery codes as SHA-256 hashes (each good
-- once), and the last accepted time step (a code is good once).
CREATE TABLE user_mfa (
    user_id         uuid        PRIMARY KEY REFERENCES app_user (id),
    tenant_id       uuid        NOT NULL REFERENCES tenant (id),
    secret          bytea       NOT NULL,
    recovery_hashes text[]      NOT NULL,
    confirmed_at    timestamptz,
    last_counter    bigint      NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL
);
SELECT flowhub_isolate_tenant('user_mfa');
