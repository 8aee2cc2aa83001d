-- Outbound webhooks to the customer's own systems: the endpoints a tenant registers (URL, the events it wants, its
-- signing secret sealed under the master key, and the previous secret while a rotation overlaps), every message
-- made for an endpoint with its body fixed when the event happened (so each attempt and each replay sends the same
-- bytes), and every attempt to deliver one. Messages and attempts are kept 30 days (one DELETE of old messages; the
-- attempts go with them).

CREATE TABLE webhook_endpoint (
    id                       uuid        PRIMARY KEY,
    tenant_id                uuid        NOT NULL,
    url                      text        NOT NULL CHECK (length(url) <= 2048),
    events                   text[]      NOT NULL CHECK (cardinality(events) > 0),
    description              text,
    enabled                  boolean     NOT NULL DEFAULT true,
    -- why the endpoint is off when we turned it off (its 410 Gone), not a person
    disabled_reason          text,
    secret                   bytea       NOT NULL,
    previous_secret          bytea,
    previous_secret_until    timestamptz,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL
);
CREATE INDEX webhook_endpoint_tenant_idx ON webhook_endpoint (tenant_id, created_at);

CREATE TABLE webhook_delivery (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    endpoint_id  uuid        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    -- the Standard Webhooks webhook-id, also the CloudEvent's id: one per event and endpoint, kept by a replay
    message_id   text        NOT NULL,
    event_type   text        NOT NULL,
    subject      text,
    body         text        NOT NULL,
    status       text        NOT NULL DEFAULT 'PENDING'
                             CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'SKIPPED')),
    attempts     integer     NOT NULL DEFAULT 0,
    replay_of    bigint,
    created_at   timestamptz NOT NULL
);
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, id DESC);
CREATE INDEX webhook_delivery_created_idx ON webhook_delivery (created_at);

CREATE TABLE webhook_attempt (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    delivery_id  bigint      NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt      integer     NOT NULL,
    status_code  integer,
    duration_ms  integer     NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('DELIVERED', 'RETRY', 'FAILED')),
    error        text,
    at           timestamptz NOT NULL
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, id);

SELECT flowhub_isolate_tenant('webhook_endpoint');
SELECT flowhub_isolate_tenant('webhook_delivery');
SELECT flowhub_isolate_tenant('webhook_attempt');
