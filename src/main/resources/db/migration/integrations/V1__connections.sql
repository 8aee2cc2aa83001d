-- Per-tenant connections to the team's tools (the seed's INTEGRATION), the links between our tasks and what a
-- connection made of them, the inbound events already applied (webhooks are delivered at least once), and the log
-- of every call to a far end (the seed's SYNC_LOG).

CREATE TABLE integration (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    type          text        NOT NULL,
    name          text        NOT NULL CHECK (length(trim(name)) > 0),
    config        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    credentials   bytea,
    enabled       boolean     NOT NULL DEFAULT true,
    -- the far end's own identity for this connection (Jira accountId, Slack team/app/bot user), to recognise the
    -- echo of our own changes and to route inbound calls
    remote_self   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    reconciled_at timestamptz,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE external_link (
    tenant_id      uuid        NOT NULL,
    connection_id  uuid        NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    task_id        uuid        NOT NULL,
    external_key   text,
    url            text,
    synced_version integer     NOT NULL DEFAULT 0,
    synced_at      timestamptz,
    -- a worker creating the far end's object holds the link until then, so two never create it twice
    claimed_until  timestamptz,
    PRIMARY KEY (connection_id, task_id)
);
CREATE UNIQUE INDEX external_link_key_idx ON external_link (connection_id, external_key);
CREATE INDEX external_link_task_idx ON external_link (tenant_id, task_id);

CREATE TABLE inbound_event (
    tenant_id     uuid        NOT NULL,
    connection_id uuid        NOT NULL REFERENCES integration (id) ON DELETE CASCADE,
    event_id      text        NOT NULL,
    received_at   timestamptz NOT NULL,
    PRIMARY KEY (connection_id, event_id)
);

CREATE TABLE sync_log (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id     uuid        NOT NULL,
    connection_id uuid        NOT NULL,
    task_id       uuid,
    direction     text        NOT NULL CHECK (direction IN ('OUTBOUND', 'INBOUND')),
    operation     text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('OK', 'RETRY', 'FAILED', 'IGNORED')),
    duration_ms   integer,
    http_status   integer,
    error         text,
    at            timestamptz NOT NULL
);
CREATE INDEX sync_log_connection_idx ON sync_log (tenant_id, connection_id, at DESC);

SELECT flowhub_isolate_tenant('integration');
SELECT flowhub_isolate_tenant('external_link');
SELECT flowhub_isolate_tenant('inbound_event');
SELECT flowhub_isolate_tenant('sync_log');
