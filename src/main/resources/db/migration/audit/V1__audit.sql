-- The tamper-evident audit trail: one hash chain per tenant (and one for the platform). The application role may
-- append and read, never change or remove: a row changed, deleted or inserted behind the application's back breaks
-- its chain, and `audit verify` names the first broken link.
CREATE TABLE audit_event (
    id              uuid        PRIMARY KEY,
    chain           text        NOT NULL,
    seq             bigint      NOT NULL,
    tenant_id       uuid,
    at              timestamptz NOT NULL,
    actor           text        NOT NULL,
    action          text        NOT NULL,
    target          text,
    client_address  text,
    detail          text,
    prev_hash       text        NOT NULL,
    hash            text        NOT NULL,
    UNIQUE (chain, seq)
);
CREATE INDEX audit_event_tenant_at_idx ON audit_event (tenant_id, at DESC);
SELECT flowhub_isolate_tenant('audit_event');
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${app_role};
