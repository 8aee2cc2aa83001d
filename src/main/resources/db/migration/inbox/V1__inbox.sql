-- The inbox: contacts, conversations and every message in and out, whatever the channel. All tenant-owned.

CREATE TABLE contact (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL,
    channel        text        NOT NULL,
    address        text        NOT NULL,          -- WhatsApp: the wa_id
    profile_name   text,
    staff_user_id  uuid,                          -- a member of staff whose phone is this address
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT contact_address_uq UNIQUE (tenant_id, channel, address)
);

CREATE TABLE conversation (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL,
    contact_id       uuid        NOT NULL REFERENCES contact (id),
    channel          text        NOT NULL,
    channel_address  text        NOT NULL,        -- our side: WhatsApp phone_number_id
    last_inbound_at  timestamptz,
    last_message_at  timestamptz,
    created_at       timestamptz NOT NULL,
    CONSTRAINT conversation_contact_uq UNIQUE (tenant_id, contact_id)
);
CREATE INDEX conversation_recent_idx ON conversation (tenant_id, last_message_at DESC NULLS LAST);

CREATE TABLE message (
    id                    uuid        PRIMARY KEY,
    tenant_id             uuid        NOT NULL,
    conversation_id       uuid        NOT NULL REFERENCES conversation (id),
    direction             text        NOT NULL CHECK (direction IN ('IN', 'OUT')),
    external_id           text,                   -- WhatsApp: the wamid (outbound: once Meta accepted it)
    idempotency_key       text,                   -- outbound only
    type                  text        NOT NULL,   -- as the channel names it (text, image, interactive...)
    kind                  text        NOT NULL,   -- what it is in detail (Text, Voice, ButtonReply...)
    text                  text,
    sent_at               timestamptz NOT NULL,
    received_at           timestamptz NOT NULL,
    sender_address        text,
    sender_name           text,
    sent_by_user_id       uuid,
    reply_to_external_id  text,
    forwarded             boolean     NOT NULL DEFAULT false,
    frequently_forwarded  boolean     NOT NULL DEFAULT false,
    referral              text,
    target_external_id    text,                   -- reaction, edit and delete: the message acted on
    target_action         text CHECK (target_action IN ('REACTION', 'EDIT', 'DELETE')),
    reaction_emoji        text,
    media_id              text,
    media_mime_type       text,
    media_sha256          text,
    media_filename        text,
    media_status          text,                   -- PENDING, STORED, FAILED
    media_error           text,
    media_blob_key        text,
    media_size            bigint,
    status                text,                   -- outbound: PENDING, ACCEPTED, SENT, DELIVERED, READ, PLAYED, FAILED
    status_error_code     integer,
    status_error_title    text,
    status_updated_at     timestamptz,
    edited_at             timestamptz,
    deleted_at            timestamptz,
    payload               text,                   -- outbound: what was asked to be sent
    raw                   text,                   -- inbound: the element exactly as delivered
    search                tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(text, ''))) STORED
);
CREATE UNIQUE INDEX message_external_uq ON message (tenant_id, external_id);
CREATE UNIQUE INDEX message_idempotency_uq ON message (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX message_conversation_idx ON message (conversation_id, sent_at);
CREATE INDEX message_target_idx ON message (tenant_id, target_external_id) WHERE target_external_id IS NOT NULL;
CREATE INDEX message_search_idx ON message USING gin (search);

-- Edits and deletes change the message; what it said before is kept here.
CREATE TABLE message_revision (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id         uuid        NOT NULL,
    message_id        uuid        NOT NULL REFERENCES message (id),
    kind              text        NOT NULL CHECK (kind IN ('EDIT', 'DELETE')),
    previous_text     text,
    by_external_id    text,
    revised_at        timestamptz NOT NULL
);
CREATE INDEX message_revision_message_idx ON message_revision (message_id, id);

-- The current reaction of each reactor to a message (a reaction replaces the previous one, an unreaction removes it).
CREATE TABLE message_reaction (
    tenant_id           uuid        NOT NULL,
    target_external_id  text        NOT NULL,
    reactor             text        NOT NULL,
    emoji               text        NOT NULL,
    reaction_message_id uuid        NOT NULL,
    reacted_at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, target_external_id, reactor)
);

-- Every status report of an outbound message, in arrival order; the message keeps the furthest one.
CREATE TABLE message_status (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      uuid        NOT NULL,
    external_id    text        NOT NULL,
    message_id     uuid,
    status         text        NOT NULL,
    error_code     integer,
    error_title    text,
    error_details  text,
    occurred_at    timestamptz,
    recorded_at    timestamptz NOT NULL,
    dedupe_key     text        NOT NULL,
    raw            text,
    CONSTRAINT message_status_dedupe_uq UNIQUE (tenant_id, dedupe_key)
);
CREATE INDEX message_status_external_idx ON message_status (tenant_id, external_id, id);

SELECT flowhub_isolate_tenant('contact');
SELECT flowhub_isolate_tenant('conversation');
SELECT flowhub_isolate_tenant('message');
SELECT flowhub_isolate_tenant('message_revision');
SELECT flowhub_isolate_tenant('message_reaction');
SELECT flowhub_isolate_tenant('message_status');
