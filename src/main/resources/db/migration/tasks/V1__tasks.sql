-- The task aggregate, its history and comments.

CREATE TABLE task (
    id                      uuid        PRIMARY KEY,
    tenant_id               uuid        NOT NULL,
    title                   text        NOT NULL CHECK (length(trim(title)) > 0 AND length(title) <= 300),
    description             text,
    priority                text        NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    status                  text        NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED')),
    suggested               boolean     NOT NULL DEFAULT false,
    assignee_id             uuid,
    team_id                 uuid,
    deadline                timestamptz,
    deadline_grain          text,
    confidence              double precision CHECK (confidence >= 0 AND confidence <= 1),
    evidence                jsonb       NOT NULL DEFAULT '[]'::jsonb,
    labels                  text[]      NOT NULL DEFAULT '{}',
    external_refs           jsonb       NOT NULL DEFAULT '{}'::jsonb,
    source_message_id       uuid,
    source_conversation_id  uuid,
    source_sender_id        uuid,
    origin_key              text,
    created_by              text        NOT NULL,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    completed_at            timestamptz,
    overdue_at              timestamptz,
    version                 integer     NOT NULL DEFAULT 0,
    search                  tsvector GENERATED ALWAYS AS (
                                to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(description, ''))) STORED
);
-- one task per origin (e.g. message + index): re-analysing or redelivering never creates a second one
CREATE UNIQUE INDEX task_origin_key ON task (tenant_id, origin_key) WHERE origin_key IS NOT NULL;
CREATE INDEX task_list_idx ON task (tenant_id, created_at DESC, id DESC);
CREATE INDEX task_assignee_idx ON task (tenant_id, assignee_id);
CREATE INDEX task_team_idx ON task (tenant_id, team_id);
CREATE INDEX task_due_idx ON task (tenant_id, deadline) WHERE status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED');
CREATE INDEX task_conversation_idx ON task (tenant_id, source_conversation_id);
CREATE INDEX task_search_idx ON task USING gin (search);

CREATE TABLE task_history (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    task_id     uuid        NOT NULL REFERENCES task (id),
    at          timestamptz NOT NULL,
    actor_type  text        NOT NULL,
    actor_id    text,
    action      text        NOT NULL,
    changes     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    reason      text
);
CREATE INDEX task_history_task_idx ON task_history (task_id, id);

CREATE TABLE task_comment (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    task_id     uuid        NOT NULL REFERENCES task (id),
    author_id   text        NOT NULL,
    body        text        NOT NULL CHECK (length(trim(body)) > 0),
    created_at  timestamptz NOT NULL
);
CREATE INDEX task_comment_task_idx ON task_comment (task_id, created_at);

SELECT flowhub_isolate_tenant('task');
SELECT flowhub_isolate_tenant('task_history');
SELECT flowhub_isolate_tenant('task_comment');
REVOKE UPDATE, DELETE ON task_history FROM ${app_role};
