-- Per-tenant routing rules (a CEL condition and actions), the failures they met at run time, and the
-- round-robin position of each team.

CREATE TABLE routing_rule (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL,
    name             text        NOT NULL CHECK (length(trim(name)) > 0),
    position         integer     NOT NULL,
    enabled          boolean     NOT NULL DEFAULT true,
    condition        text        NOT NULL,
    actions          jsonb       NOT NULL DEFAULT '[]'::jsonb,
    stop_processing  boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX routing_rule_order_idx ON routing_rule (tenant_id, position);

CREATE TABLE rule_failure (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    rule_id     uuid        NOT NULL,
    at          timestamptz NOT NULL,
    subject     text,
    error       text        NOT NULL
);
CREATE INDEX rule_failure_rule_idx ON rule_failure (tenant_id, rule_id, at DESC);

CREATE TABLE team_rotation (
    tenant_id     uuid        NOT NULL,
    team_id       uuid        NOT NULL,
    last_user_id  uuid,
    PRIMARY KEY (tenant_id, team_id)
);

SELECT flowhub_isolate_tenant('routing_rule');
SELECT flowhub_isolate_tenant('rule_failure');
SELECT flowhub_isolate_tenant('team_rotation');
