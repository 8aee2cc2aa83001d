-- The WhatsApp channel: business numbers, raw deliveries, account/template/call events, media downloads
-- (tenant-owned), and the platform-level quarantine and unroutable tables (no tenant: nobody owns them yet).

CREATE TABLE whatsapp_number (
    id                         uuid        PRIMARY KEY,
    tenant_id                  uuid        NOT NULL,
    phone_number_id            text        NOT NULL,
    business_account_id        text        NOT NULL,
    display_number             text        NOT NULL,
    access_token               bytea       NOT NULL,   -- sealed under the master key
    app_secret                 bytea,                  -- sealed; absent: the platform's app
    verify_token               bytea,                  -- sealed
    status                     text        NOT NULL CHECK (status IN ('ACTIVE', 'NEEDS_ATTENTION')),
    status_reason              text,
    fallback_template_name     text,
    fallback_template_language text,
    created_at                 timestamptz NOT NULL,
    updated_at                 timestamptz NOT NULL,
    CONSTRAINT whatsapp_number_phone_uq UNIQUE (phone_number_id)   -- across tenants: it routes deliveries
);
CREATE INDEX whatsapp_number_account_idx ON whatsapp_number (business_account_id);

CREATE TABLE whatsapp_delivery (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    received_at  timestamptz NOT NULL,
    new_items    integer     NOT NULL,
    body         bytea       NOT NULL                   -- exactly the signed bytes
);

CREATE TABLE whatsapp_event (
    id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id            uuid        NOT NULL,
    delivery_id          uuid        NOT NULL,
    field                text        NOT NULL,
    event_type           text        NOT NULL,
    business_account_id  text        NOT NULL,
    phone_number_id      text,
    dedupe_key           text        NOT NULL,
    raw                  text        NOT NULL,
    received_at          timestamptz NOT NULL,
    CONSTRAINT whatsapp_event_dedupe_uq UNIQUE (tenant_id, dedupe_key)
);

CREATE TABLE whatsapp_media_download (
    message_id       uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL,
    number_id        uuid        NOT NULL,
    media_id         text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'STORED', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    locked_until     timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX whatsapp_media_download_due_idx ON whatsapp_media_download (next_attempt_at) WHERE status = 'PENDING';

SELECT flowhub_isolate_tenant('whatsapp_number');
SELECT flowhub_isolate_tenant('whatsapp_delivery');
SELECT flowhub_isolate_tenant('whatsapp_event');
SELECT flowhub_isolate_tenant('whatsapp_media_download');

-- Correctly signed bodies that are not deliveries: kept verbatim, answered 400.
CREATE TABLE whatsapp_quarantine (
    id           uuid        PRIMARY KEY,
    received_at  timestamptz NOT NULL,
    reason       text        NOT NULL,
    body         bytea       NOT NULL
);

-- Items for a phone_number_id (or business account) that no tenant has registered: kept with the delivery they came
-- in, answered 200, and stored for the tenant that registers the number later.
CREATE TABLE whatsapp_unroutable_delivery (
    id           uuid        PRIMARY KEY,
    received_at  timestamptz NOT NULL,
    body         bytea       NOT NULL
);

CREATE TABLE whatsapp_unroutable (
    id                   uuid        PRIMARY KEY,
    delivery_id          uuid        NOT NULL REFERENCES whatsapp_unroutable_delivery (id),
    received_at          timestamptz NOT NULL,
    business_account_id  text        NOT NULL,
    phone_number_id      text,
    field                text        NOT NULL,
    reason               text        NOT NULL,
    raw                  text        NOT NULL
);
CREATE INDEX whatsapp_unroutable_recent_idx ON whatsapp_unroutable (received_at DESC);
CREATE INDEX whatsapp_unroutable_phone_idx ON whatsapp_unroutable (phone_number_id);
CREATE INDEX whatsapp_unroutable_account_idx ON whatsapp_unroutable (business_account_id) WHERE phone_number_id IS NULL;
