-- Durable work of the pipeline's stages and of every outbound call (deliveries). A row is pending work: claimed by
-- one worker at a time for a lease (available_at moves forward), deleted when done, moved to FAILED (a dead letter,
-- visible and replayable through the API) after its last attempt or a permanent error. Rows carry ids and the
-- event that caused them, never kept once done.
CREATE TABLE work_item (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    stage        text        NOT NULL,
    key          text        NOT NULL,
    destination  text,
    payload_type text        NOT NULL,
    payload      text        NOT NULL,
    status       text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'FAILED')),
    attempts     int         NOT NULL DEFAULT 0,
    available_at timestamptz NOT NULL DEFAULT now(),
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT work_item_key UNIQUE (tenant_id, stage, key)
);
CREATE INDEX work_item_due ON work_item (stage, available_at) WHERE status = 'PENDING';
CREATE INDEX work_item_failed ON work_item (tenant_id, updated_at) WHERE status = 'FAILED';
SELECT flowhub_isolate_tenant('work_item');

-- Claims up to p_limit due items of a stage for every tenant at once (workers serve all tenants), skipping rows
-- other workers hold and the destinations the caller cannot take now (open circuit, no free slot). The claim is
-- a lease: an item whose worker died is due again when it ends. Runs as the owner with the cross-tenant policy
-- switched on inside the function only; the application role cannot read other tenants' work through it.
CREATE FUNCTION flowhub_claim_work(p_stage text, p_limit int, p_lease_seconds double precision, p_exclude text[])
    RETURNS TABLE (id bigint, tenant_id uuid, key text, destination text, payload_type text, payload text, attempts int)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    previous text := current_setting('app.cross_tenant', true);
BEGIN
    PERFORM set_config('app.cross_tenant', 'on', true);
    RETURN QUERY
    UPDATE work_item w
       SET available_at = now() + make_interval(secs => p_lease_seconds), attempts = w.attempts + 1, updated_at = now()
     WHERE w.id IN (SELECT c.id FROM work_item c
                     WHERE c.stage = p_stage AND c.status = 'PENDING' AND c.available_at <= now()
                       AND (c.destination IS NULL OR NOT (c.destination = ANY (p_exclude)))
                     ORDER BY c.available_at, c.id
                     LIMIT p_limit
                       FOR UPDATE SKIP LOCKED)
    RETURNING w.id, w.tenant_id, w.key, w.destination, w.payload_type, w.payload, w.attempts;
    PERFORM set_config('app.cross_tenant', coalesce(previous, ''), true);
END $$;
REVOKE ALL ON FUNCTION flowhub_claim_work(text, int, double precision, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flowhub_claim_work(text, int, double precision, text[]) TO ${app_role};

-- The backlog of every stage (counts only), for the metrics and the health detail.
CREATE FUNCTION flowhub_work_backlog()
    RETURNS TABLE (stage text, status text, items bigint, oldest timestamptz)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    previous text := current_setting('app.cross_tenant', true);
BEGIN
    PERFORM set_config('app.cross_tenant', 'on', true);
    RETURN QUERY SELECT w.stage, w.status, count(*), min(w.created_at) FROM work_item w GROUP BY w.stage, w.status;
    PERFORM set_config('app.cross_tenant', coalesce(previous, ''), true);
END $$;
REVOKE ALL ON FUNCTION flowhub_work_backlog() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flowhub_work_backlog() TO ${app_role};
