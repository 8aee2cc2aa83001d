-- One reminder per customer-service window that closes on a conversation with open tasks.
CREATE TABLE window_reminder (
    tenant_id        uuid        NOT NULL,
    conversation_id  uuid        NOT NULL,
    closes_at        timestamptz NOT NULL,
    reminded_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, conversation_id, closes_at)
);
SELECT flowhub_isolate_tenant('window_reminder');
