-- Who a member of staff is in the team's other tools (Jira accountId, Slack user id), so that work assigned in one
-- place is assigned to the same person in the other. One identity per tool and user; one user per identity.
CREATE TABLE user_external_identity (
    tenant_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    system     text        NOT NULL CHECK (system ~ '^[a-z][a-z0-9_-]{0,31}$'),
    remote_id  text        NOT NULL CHECK (length(remote_id) BETWEEN 1 AND 200),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, system),
    UNIQUE (tenant_id, system, remote_id)
);

SELECT flowhub_isolate_tenant('user_external_identity');
