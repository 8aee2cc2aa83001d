-- The work queue's rows live for seconds (inserted, claimed, deleted), and every claim and every finished item leaves
-- a dead entry in front of the due index, where each later claim starts reading. With the default thresholds the
-- table was vacuumed after a fifth of it had died: under load (pg_stat_statements on the e2e bench) a claim of 16
-- items read some 2,800 buffers, 1.5 ms each, half of PostgreSQL's time per message. Vacuum it after a few hundred
-- dead rows, without throttling, and let the due index give the claim's order by itself. The claim's UPDATE takes
-- the claimed ids as an array (one look-up each in the primary key): with IN (subquery) the planner could join
-- the whole table to them, a sequential scan of every live and dead row per claim.
ALTER TABLE work_item SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 200,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 1000,
    autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0.05);
DROP INDEX work_item_due;
CREATE INDEX work_item_due ON work_item (stage, available_at, id) WHERE status = 'PENDING';

CREATE OR REPLACE FUNCTION flowhub_claim_work(p_stage text, p_limit int, p_lease_seconds double precision, p_exclude text[])
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
     WHERE w.id = ANY (ARRAY(SELECT c.id FROM work_item c
                              WHERE c.stage = p_stage AND c.status = 'PENDING' AND c.available_at <= now()
                                AND (c.destination IS NULL OR NOT (c.destination = ANY (p_exclude)))
                              ORDER BY c.available_at, c.id
                              LIMIT p_limit
                                FOR UPDATE SKIP LOCKED))
    RETURNING w.id, w.tenant_id, w.key, w.destination, w.payload_type, w.payload, w.attempts;
    PERFORM set_config('app.cross_tenant', coalesce(previous, ''), true);
END $$;
