-- Retention per tenant that keeps the chain verifiable. The application role still may not delete audit rows; the
-- one way rows leave is this function, owned by the migration owner (who owns audit_event) and callable by the
-- application role: in the calling tenant's transaction only (row-level security still applies), only for rows older
-- than the retention the tenant's settings name ({"audit": {"retentionDays": N}}, at least 7), measured by the
-- database's own clock, and only together with an anchor row. The anchor is appended to the chain like any other
-- row (hashed onto the last row, so it cannot be changed unseen) and records how many rows went, through which seq,
-- and the hash of the last one: `audit verify` starts the chain there. Without a retention setting nothing is purged.
CREATE FUNCTION flowhub_audit_purge()
    RETURNS TABLE (purged bigint, through_seq bigint, anchor_seq bigint)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_tenant    uuid := flowhub_current_tenant();
    v_chain     text;
    v_setting   jsonb;
    v_days      numeric;
    v_cutoff    timestamptz;
    v_keep_from bigint;
    v_top_seq   bigint;
    v_top_hash  text;
    v_through   bigint;
    v_count     bigint;
    v_last_hash text;
    v_at        timestamptz := now();
    v_actor     text := 'system:audit-retention';
    v_action    text := 'audit.anchor';
    v_detail    text;
    v_canonical text;
BEGIN
    IF v_tenant IS NULL THEN
        RAISE EXCEPTION 'flowhub_audit_purge runs in a tenant''s transaction';
    END IF;
    v_chain := 'tenant:' || v_tenant::text;
    SELECT settings #> '{audit,retentionDays}' INTO v_setting FROM tenant WHERE id = v_tenant;
    IF v_setting IS NULL OR jsonb_typeof(v_setting) <> 'number' THEN
        RETURN; -- no retention: the trail is kept
    END IF;
    v_days := floor((v_setting #>> '{}')::numeric);
    IF v_days < 7 OR v_days > 36500 THEN
        RAISE EXCEPTION 'audit retention of % days is outside 7..36500', v_days;
    END IF;
    v_cutoff := v_at - make_interval(days => v_days::int);

    PERFORM pg_advisory_xact_lock(hashtextextended(v_chain, 0)); -- the writers' lock: no row is appended meanwhile
    SELECT e.seq, e.hash INTO v_top_seq, v_top_hash FROM audit_event e WHERE e.chain = v_chain ORDER BY e.seq DESC LIMIT 1;
    IF v_top_seq IS NULL THEN
        RETURN;
    END IF;
    -- everything before the first row inside the retention goes (a prefix of the chain, never a gap)
    SELECT min(e.seq) INTO v_keep_from FROM audit_event e WHERE e.chain = v_chain AND e.at >= v_cutoff;
    v_through := coalesce(v_keep_from, v_top_seq + 1) - 1;
    SELECT count(*) INTO v_count FROM audit_event e WHERE e.chain = v_chain AND e.seq <= v_through;
    IF v_count = 0 THEN
        RETURN;
    END IF;
    SELECT e.hash INTO v_last_hash FROM audit_event e WHERE e.chain = v_chain AND e.seq <= v_through
        ORDER BY e.seq DESC LIMIT 1;
    DELETE FROM audit_event e WHERE e.chain = v_chain AND e.seq <= v_through;

    v_detail := 'through-seq=' || v_through || ' last-hash=' || v_last_hash || ' count=' || v_count
        || ' retention-days=' || v_days;
    -- the canonical form of AuditChain.hash: previous hash, then each field length-prefixed ("|-" for null); every
    -- field here is ASCII, so length() counts what Java's String.length() does
    v_canonical := v_top_hash
        || '|' || length(v_chain) || ':' || v_chain
        || '|' || length((v_top_seq + 1)::text) || ':' || (v_top_seq + 1)::text
        || '|' || length(v_tenant::text) || ':' || v_tenant::text
        || '|' || length(((extract(epoch FROM v_at) * 1000000)::bigint)::text) || ':'
               || ((extract(epoch FROM v_at) * 1000000)::bigint)::text
        || '|' || length(v_actor) || ':' || v_actor
        || '|' || length(v_action) || ':' || v_action
        || '|-'
        || '|-'
        || '|' || length(v_detail) || ':' || v_detail;
    INSERT INTO audit_event (id, chain, seq, tenant_id, at, actor, action, target, client_address, detail, prev_hash, hash)
    VALUES (gen_random_uuid(), v_chain, v_top_seq + 1, v_tenant, v_at, v_actor, v_action, NULL, NULL, v_detail, v_top_hash,
            encode(sha256(convert_to(v_canonical, 'UTF8')), 'hex'));
    RETURN QUERY SELECT v_count, v_through, v_top_seq + 1;
END $$;
REVOKE ALL ON FUNCTION flowhub_audit_purge() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flowhub_audit_purge() TO ${app_role};
